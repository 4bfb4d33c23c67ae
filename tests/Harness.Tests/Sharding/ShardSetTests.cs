using Harness.Sharding;

namespace Harness.Tests.Sharding;

public sealed class ShardSetTests
{
    private static readonly string[] Suite = ["a.yaml", "b.yaml[n=1]", "b.yaml[n=2]"];

    private static LoadedShard OfSuite(string suiteId, int index, int count, params string[] units) =>
        new(
            $"/out/shard-{index}",
            new ShardManifest(
                1,
                suiteId,
                $"{index}/{count}",
                index,
                count,
                "./harness run s",
                DateTimeOffset.UnixEpoch,
                DateTimeOffset.UnixEpoch,
                0,
                Suite,
                units.Select(u => new ShardUnit(u, u.Split('[')[0], null, null, u, null, 0)).ToList()
            )
        );

    private static LoadedShard Shard(int index, int count, params string[] units) => OfSuite("s1", index, count, units);

    [Test]
    public void Check_CompleteSet_HasNoProblems()
    {
        var problems = ShardSet.Check([Shard(1, 2, "b.yaml[n=1]"), Shard(0, 2, "a.yaml", "b.yaml[n=2]")]);

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Check_MissingShard_NamesIt()
    {
        var problems = ShardSet.Check([Shard(0, 3, "a.yaml"), Shard(2, 3, "b.yaml[n=2]")]);

        Assert.That(problems, Has.Some.EqualTo("shard 1/3 is missing (given: 0/3 from /out/shard-0, 2/3 from /out/shard-2)"));
    }

    [Test]
    public void Check_DuplicatedShard_NamesBothFolders()
    {
        var problems = ShardSet.Check([
            Shard(0, 2, "a.yaml", "b.yaml[n=2]"),
            Shard(1, 2, "b.yaml[n=1]"),
            Shard(1, 2, "b.yaml[n=1]") with
            {
                Folder = "/other",
            },
        ]);

        Assert.That(problems, Has.Some.EqualTo("shard 1/2 is given twice: /out/shard-1 and /other"));
    }

    [Test]
    public void Check_DifferentShardCounts_AreRejected()
    {
        var problems = ShardSet.Check([Shard(0, 2, "a.yaml", "b.yaml[n=2]"), Shard(1, 3, "b.yaml[n=1]")]);

        Assert.That(problems, Has.Some.Contains("different shard counts: 0/2 from /out/shard-0, 1/3 from /out/shard-1"));
    }

    [Test]
    public void Check_DifferentSuites_AreRejected()
    {
        var problems = ShardSet.Check([OfSuite("s1", 0, 2, "a.yaml", "b.yaml[n=2]"), OfSuite("s2", 1, 2, "b.yaml[n=1]")]);

        Assert.That(problems, Has.Some.Contains("not shards of the same suite").And.Contains("/out/shard-1 (suite s2)"));
    }

    [Test]
    public void Check_UnitRanTwice_NamesItAndTheShards()
    {
        var problems = ShardSet.Check([Shard(0, 2, "a.yaml", "b.yaml[n=2]"), Shard(1, 2, "b.yaml[n=1]", "a.yaml")]);

        Assert.That(problems, Has.Some.EqualTo("a.yaml ran in more than one shard: 0/2, 1/2"));
    }

    [Test]
    public void Check_UnitOfTheSuiteRanNowhere_NamesIt()
    {
        var problems = ShardSet.Check([Shard(0, 2, "a.yaml"), Shard(1, 2, "b.yaml[n=1]")]);

        Assert.That(problems, Has.Some.EqualTo("b.yaml[n=2] of the suite ran in no shard"));
    }

    [Test]
    public void Check_NoShards_SaysSo()
    {
        Assert.That(ShardSet.Check([]), Is.EqualTo(new[] { "no shard folders given" }));
    }
}

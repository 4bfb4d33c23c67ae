using Harness.Sharding;

namespace Harness.Tests.Sharding;

public sealed class ShardAssignmentTests
{
    private static readonly string[] Units =
    [
        "scenarios/a.yaml",
        "scenarios/b.yaml[net=3g]",
        "scenarios/b.yaml[net=4g]",
        "scenarios/b.yaml[net=wifi]",
        "scenarios/c.yaml",
        "scenarios/sub/d.yaml",
        "scenarios/e.yaml[x=1,y=2]",
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(10)]
    public void Assign_EveryUnitLandsInExactlyOneShard(int count)
    {
        var shards = Enumerable.Range(0, count).Select(i => ShardAssignment.Select(Units, new ShardSpec(i, count), u => u)).ToList();

        var all = shards.SelectMany(s => s).ToList();
        Assert.That(all, Is.EquivalentTo(Units), "each unit once, none lost, none duplicated");
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Assign_ShardsAreBalancedWithinOneUnit(int count)
    {
        var sizes = Enumerable.Range(0, count).Select(i => ShardAssignment.Select(Units, new ShardSpec(i, count), u => u).Count).ToList();

        Assert.That(sizes.Max() - sizes.Min(), Is.LessThanOrEqualTo(1), string.Join(",", sizes));
    }

    [Test]
    public void Assign_DoesNotDependOnTheOrderOfTheInput()
    {
        var reversed = Units.Reverse().ToList();
        var shuffled = Units.OrderBy(u => u.Length).ThenByDescending(u => u, StringComparer.Ordinal).ToList();

        for (var i = 0; i < 3; i++)
        {
            var spec = new ShardSpec(i, 3);
            var expected = ShardAssignment.Select(Units, spec, u => u);
            Assert.That(ShardAssignment.Select(reversed, spec, u => u), Is.EquivalentTo(expected));
            Assert.That(ShardAssignment.Select(shuffled, spec, u => u), Is.EquivalentTo(expected));
        }
    }

    [Test]
    public void Assign_IsSortedRoundRobinOverIdentities()
    {
        var shard = ShardAssignment.Select(Units, new ShardSpec(1, 3), u => u);

        // Sorted ordinally: a, b[3g], b[4g], b[wifi], c, e[...], sub/d -> positions 1 and 4 go to shard 1.
        Assert.That(shard, Is.EqualTo(new[] { "scenarios/b.yaml[net=3g]", "scenarios/c.yaml" }));
    }

    [Test]
    public void Assign_KeepsTheInputOrderInsideAShard()
    {
        var input = new[] { "z.yaml", "y.yaml", "x.yaml", "w.yaml" };

        var shard = ShardAssignment.Select(input, new ShardSpec(0, 2), u => u);

        Assert.That(shard, Is.EqualTo(new[] { "y.yaml", "w.yaml" }), "w and y are sorted positions 0 and 2; run in the order given");
    }

    [Test]
    public void Assign_MoreShardsThanUnits_LeavesTheLastShardsEmpty()
    {
        var shard = ShardAssignment.Select(["a.yaml", "b.yaml"], new ShardSpec(3, 4), u => u);

        Assert.That(shard, Is.Empty);
    }

    [Test]
    public void Assign_DuplicateIdentity_IsRejected()
    {
        Assert.That(
            () => ShardAssignment.Select(["a.yaml", "a.yaml"], new ShardSpec(0, 2), u => u),
            Throws.ArgumentException.With.Message.Contains("a.yaml")
        );
    }

    [Test]
    public void SuiteId_DependsOnTheSetOfUnitsOnly()
    {
        var id = ShardAssignment.SuiteId(Units);

        Assert.That(ShardAssignment.SuiteId(Units.Reverse()), Is.EqualTo(id));
        Assert.That(ShardAssignment.SuiteId(Units.Skip(1)), Is.Not.EqualTo(id));
        Assert.That(id, Does.Match("^[0-9a-f]{16}$"));
    }

    [Test]
    public void UnitId_IsThePathRelativeToTheWorkingDirectoryWithTheCell()
    {
        var root = Path.Combine(Path.GetTempPath(), "suite-root");

        Assert.That(ShardAssignment.UnitId(Path.Combine(root, "scenarios", "a.yaml"), null, root), Is.EqualTo("scenarios/a.yaml"));
        Assert.That(ShardAssignment.UnitId(Path.Combine(root, "m.yaml"), "net=3g", root), Is.EqualTo("m.yaml[net=3g]"));
    }
}

using Harness.Cli;
using Harness.Sharding;

namespace Harness.Tests.Sharding;

/// <summary><c>harness merge</c> on unusable input: exit 2, one clear line per problem, no stack trace, nothing written.</summary>
public sealed class MergeCommandTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-merge-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private static ShardManifest Manifest(int index, params ShardUnit[] units) =>
        new(
            1,
            "suite1",
            $"{index}/2",
            index,
            2,
            "./harness run s --shard 0/2",
            DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch,
            0,
            ["a.yaml", "b.yaml"],
            units
        );

    private async Task<(int Code, string Stdout, string Stderr)> Merge(params string[] folders)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MergeCommand.ExecuteAsync(
            folders.Select(f => Path.Combine(_root, f)).ToList(),
            Path.Combine(_root, "merged"),
            new ConsoleOutput(TimeProvider.System, stdout, stderr),
            CancellationToken.None
        );
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task Merge_FolderWithoutShardManifest_SaysItIsNotAShardFolder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "plain"));

        var (code, _, stderr) = await Merge("plain");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("plain: no shard.json in it or in its subfolders (not written by 'harness run --shard')"));
        Assert.That(Directory.Exists(Path.Combine(_root, "merged")), Is.False);
    }

    [Test]
    public async Task Merge_FolderThatDoesNotExist_NamesIt()
    {
        var (code, _, stderr) = await Merge("nope");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("nope: no such folder"));
    }

    [Test]
    public async Task Merge_ManifestNotJson_NamesTheFile()
    {
        Directory.CreateDirectory(Path.Combine(_root, "s0"));
        await File.WriteAllTextAsync(Path.Combine(_root, "s0", "shard.json"), "{ not json");

        var (code, _, stderr) = await Merge("s0");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(Path.Combine(_root, "s0", "shard.json") + ": not valid shard JSON").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Merge_UnitPointingOutsideItsShard_IsRefused()
    {
        await ShardManifestJson.WriteAsync(
            Manifest(0, new ShardUnit("a.yaml", "a.yaml", null, null, "../elsewhere", null, 0)),
            Path.Combine(_root, "s0"),
            default
        );

        var (code, _, stderr) = await Merge("s0");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("unit 'a.yaml' points outside the shard folder"));
    }

    [Test]
    public async Task Merge_UnitWithoutResults_NamesTheUnitAndShard()
    {
        await ShardManifestJson.WriteAsync(
            Manifest(0, new ShardUnit("a.yaml", "a.yaml", null, null, "run-a", null, 0)),
            Path.Combine(_root, "s0"),
            default
        );
        await ShardManifestJson.WriteAsync(
            Manifest(1, new ShardUnit("b.yaml", "b.yaml", null, null, null, null, null)),
            Path.Combine(_root, "s1"),
            default
        );

        var (code, _, stderr) = await Merge("s0", "s1");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("a.yaml (shard 0/2): ").And.Contain("results.json: no such file"));
    }

    [Test]
    public async Task Merge_OutputNotEmpty_IsRefusedAndLeftAlone()
    {
        await ShardManifestJson.WriteAsync(
            Manifest(0, new ShardUnit("a.yaml", "a.yaml", null, null, null, null, null)),
            Path.Combine(_root, "s0"),
            default
        );
        await ShardManifestJson.WriteAsync(
            Manifest(1, new ShardUnit("b.yaml", "b.yaml", null, null, null, null, null)),
            Path.Combine(_root, "s1"),
            default
        );
        Directory.CreateDirectory(Path.Combine(_root, "merged"));
        await File.WriteAllTextAsync(Path.Combine(_root, "merged", "keep.txt"), "mine");

        var (code, _, stderr) = await Merge("s0", "s1");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("the folder is not empty (merge never overwrites"));
        Assert.That(Directory.GetFiles(Path.Combine(_root, "merged")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Merge_ShardsThatNeverStartedTheirUnits_MergeAsInterrupted()
    {
        await ShardManifestJson.WriteAsync(
            Manifest(0, new ShardUnit("a.yaml", "a.yaml", null, null, null, null, null)),
            Path.Combine(_root, "all", "s0"),
            default
        );
        await ShardManifestJson.WriteAsync(
            Manifest(1, new ShardUnit("b.yaml", "b.yaml", null, null, null, null, null)),
            Path.Combine(_root, "all", "s1"),
            default
        );

        var (code, stdout, _) = await Merge("all");

        Assert.That(code, Is.EqualTo(130), "a unit that never ran makes the suite interrupted, as run would");
        Assert.That(stdout, Does.Contain("suite of 2 units from 2 shards: INTERRUPTED (exit 130)"));
        Assert.That(File.Exists(Path.Combine(_root, "merged", "suite.json")), Is.True);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Sharding;
using static Harness.Tests.Deploy.YamlTree;

namespace Harness.Tests.Deploy;

/// <summary>
/// .github/workflows/nightly.yml: scheduled, and every harness command it runs is one the CLI accepts, with shards that add up.
/// </summary>
public sealed partial class NightlyWorkflowTests
{
    private const string File = ".github/workflows/nightly.yml";

    private static Dictionary<string, object> Jobs => Map(Load(File), "jobs");

    [Test]
    public void Workflow_RunsOnAScheduleAndOnDemand()
    {
        var on = Map(Load(File), "on");

        var cron = Str(Map(Seq(on, "schedule")[0], "schedule"), "cron");
        Assert.That(cron.Split(' ', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5), "a five-field cron schedule");
        Assert.That(on.ContainsKey("workflow_dispatch"), Is.True);
    }

    [Test]
    public async Task Workflow_EveryHarnessCommandParsesForEveryMatrixIndex()
    {
        var commands = 0;
        foreach (var (name, job) in Jobs.Select(j => (j.Key, Map(j.Value, j.Key))))
        {
            var indexes = job.TryGetValue("strategy", out var strategy)
                ? Seq(Map(Map(strategy, "strategy"), "matrix"), "index").Select(i => Str(i, "index")).ToList()
                : ["0"];
            foreach (var line in RunLines(job).Where(l => l.StartsWith("./harness ", StringComparison.Ordinal)))
            {
                foreach (var index in indexes)
                {
                    var args = line.Replace("${{ matrix.index }}", index, StringComparison.Ordinal)
                        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
                    Assert.That(
                        line.Replace("${{ matrix.index }}", "", StringComparison.Ordinal),
                        Does.Not.Contain("${{"),
                        $"{name}: only matrix.index is substituted here"
                    );
                    Assert.That(await ParseWithCliAsync(args), Is.Zero, $"{name}: the CLI accepts '{string.Join(' ', args)}'");
                    commands++;
                }
            }
        }
        Assert.That(commands, Is.GreaterThanOrEqualTo(4), "three shard runs and a merge");
    }

    [Test]
    public void Workflow_ShardMatrixCoversEveryShardOnceAndTheMergeReadsWhatTheShardsUpload()
    {
        var shard = Map(Jobs, "shard");
        var indexes = Seq(Map(Map(shard, "strategy"), "matrix"), "index")
            .Select(i => int.Parse(Str(i, "index"), CultureInfo.InvariantCulture))
            .ToList();
        var run = RunLines(shard).Single(l => l.StartsWith("./harness run ", StringComparison.Ordinal));
        var n = int.Parse(ShardCount().Match(run).Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.That(indexes, Is.EqualTo(Enumerable.Range(0, n)), "indexes 0..N-1, one job each");
        Assert.That(indexes.Select(i => ShardSpec.TryParse($"{i}/{n}", out _, out _)), Has.All.True);
        var upload = Step(shard, "actions/upload-artifact");
        Assert.That(run, Does.Contain($"--report-dir {Str(Map(upload, "with"), "path")} "), "the shard uploads its --report-dir");
        Assert.That(Str(Map(upload, "with"), "name"), Is.EqualTo("shard-${{ matrix.index }}"));
        Assert.That(Str(upload, "if"), Is.EqualTo("always()"), "a failing shard still uploads its reports");
        Assert.That(RunLines(shard), Has.Some.Contains("chromium"));
        Assert.That(Str(Map(Step(shard, "actions/setup-dotnet"), "with"), "global-json-file"), Is.EqualTo("global.json"));

        var merge = Map(Jobs, "merge");
        Assert.That(Str(merge, "needs"), Is.EqualTo("shard"));
        Assert.That(Str(merge, "if"), Is.EqualTo("always()"), "the merge runs when a shard failed its thresholds");
        var download = Map(Step(merge, "actions/download-artifact"), "with");
        Assert.That(Str(download, "pattern"), Is.EqualTo("shard-*"));
        var mergeLine = RunLines(merge).Single(l => l.StartsWith("./harness merge ", StringComparison.Ordinal));
        Assert.That(mergeLine, Does.StartWith($"./harness merge {Str(download, "path")} --out "));
        var output = mergeLine.Split("--out ")[1].Trim();
        Assert.That(RunLines(merge), Has.Some.EqualTo($"cat {output}/summary.md >> \"$GITHUB_STEP_SUMMARY\""));
        Assert.That(Str(Map(Step(merge, "dorny/test-reporter"), "with"), "path"), Is.EqualTo($"{output}/junit.xml"));
        Assert.That(Str(Map(Step(merge, "actions/upload-artifact"), "with"), "path"), Is.EqualTo(output));
    }

    private static IEnumerable<string> RunLines(Dictionary<string, object> job) =>
        Seq(job, "steps")
            .Select(s => Map(s, "step"))
            .Where(s => s.ContainsKey("run"))
            .SelectMany(s => Str(s, "run").Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0);

    private static Dictionary<string, object> Step(Dictionary<string, object> job, string action) =>
        Seq(job, "steps")
            .Select(s => Map(s, "step"))
            .Single(s => s.TryGetValue("uses", out var uses) && ((string)uses).StartsWith(action + "@", StringComparison.Ordinal));

    [GeneratedRegex(@"--shard \$\{\{ matrix\.index \}\}/([0-9]+)")]
    private static partial Regex ShardCount();
}

using System.Text.Json;
using System.Xml.Linq;

namespace EndToEnd.Tests;

/// <summary>
/// A small suite (two files and a two-cell matrix, plus a failing file) split with <c>run --shard i/2</c> into two
/// folders and joined with <c>harness merge</c>, compared with the same suite run unsharded, through the real CLI.
/// </summary>
[NonParallelizable]
public sealed class ShardMergeTests
{
    private const string Suite = "tests/EndToEnd.Tests/Scenarios/shard-suite";
    private const string Failing = "tests/EndToEnd.Tests/Scenarios/shard-failing.yaml";

    private static readonly string[] SuiteUnits =
    [
        $"{Suite}/health.yaml",
        $"{Suite}/matrix.yaml[added_latency=0ms]",
        $"{Suite}/matrix.yaml[added_latency=20ms]",
        $"{Suite}/rooms.yaml",
    ];

    private static readonly string[] SuiteSuites =
    [
        "shard-health",
        "shard-matrix[added_latency=0ms]",
        "shard-matrix[added_latency=20ms]",
        "shard-rooms",
    ];

    [Test]
    public async Task ShardsThenMerge_PassingSuite_EveryUnitRunsOnceAndTheMergedVerdictIsTheUnshardedOne()
    {
        using var reports = new ReportFolder();
        var (whole, _, _) = await Run(reports, "whole", Suite);
        var (code0, out0, _) = await Run(reports, "shard-0", Suite, "--shard", "0/2");
        var (code1, out1, _) = await Run(reports, "shard-1", Suite, "--shard", "1/2");

        var (merged, stdout, stderr) = await HarnessProcess.RunAsync(
            "merge",
            Path.Combine(reports.Root, "shard-0"),
            Path.Combine(reports.Root, "shard-1"),
            "--out",
            Path.Combine(reports.Root, "merged")
        );

        Assert.That((whole, code0, code1), Is.EqualTo((0, 0, 0)), out0 + out1);
        Assert.That(merged, Is.EqualTo(whole), $"the merged verdict is the unsharded run's\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var ran = new[] { Units(reports, "shard-0"), Units(reports, "shard-1") };
        Assert.That(ran[0].Intersect(ran[1]), Is.Empty, "no unit in both shards");
        Assert.That(ran[0].Concat(ran[1]), Is.EquivalentTo(SuiteUnits), "every unit in one shard");
        Assert.That(ran[0].Count - ran[1].Count, Is.EqualTo(0), "4 units over 2 shards: 2 each");
        Assert.That(out0, Does.Contain("shard 0/2: 2 of 4 units"));
        using var suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports.Root, "merged", "suite.json")));
        var units = suite.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units.Select(u => u.GetProperty("id").GetString()), Is.EquivalentTo(SuiteUnits));
        Assert.That(units.Select(u => u.GetProperty("status").GetString()), Has.All.EqualTo("passed"));
        Assert.That(suite.RootElement.GetProperty("exit_code").GetInt32(), Is.Zero);
        Assert.That(JUnitSuites(Path.Combine(reports.Root, "merged")), Is.EquivalentTo(SuiteSuites), "each unit's suite exactly once");
        Assert.That(JUnitSuites(Path.Combine(reports.Root, "whole")), Is.EquivalentTo(SuiteSuites), "the same suites as the unsharded run");
        var matrix = Directory.GetDirectories(Path.Combine(reports.Root, "merged"), "*-shard-matrix").Single();
        using var overview = JsonDocument.Parse(File.ReadAllText(Path.Combine(matrix, "matrix.json")));
        Assert.That(
            overview.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()),
            Is.EqualTo(new[] { "passed", "passed" }),
            "the matrix's two cells, run by different shards, in one overview"
        );
        foreach (var file in new[] { "index.html", "summary.md", "junit.xml" })
            Assert.That(File.Exists(Path.Combine(reports.Root, "merged", file)), Is.True, file);
        foreach (var unit in units)
            Assert.That(File.Exists(Path.Combine(reports.Root, "merged", unit.GetProperty("report").GetString()!)), Is.True);
    }

    [Test]
    public async Task ShardsThenMerge_SuiteWithAFailingFile_MergedVerdictFailsLikeTheUnshardedRun()
    {
        using var reports = new ReportFolder();
        var (whole, wholeOut, _) = await Run(reports, "whole", Suite, Failing);
        var (code0, out0, _) = await Run(reports, "shard-0", Suite, Failing, "--shard", "0/2");
        var (code1, out1, _) = await Run(reports, "shard-1", Suite, Failing, "--shard", "1/2");

        var (merged, stdout, stderr) = await HarnessProcess.RunAsync(
            "merge",
            reports.Root + "/shard-0",
            reports.Root + "/shard-1",
            "--out",
            reports.Root + "/merged"
        );

        // The failing file fails by status code, not timing; on a saturated machine the harness may call it inconclusive (exit 4) and says
        // so.
        Assert.That(whole, Is.EqualTo(Verdicts.FailedExitCode(wholeOut)), wholeOut);
        Assert.That(new[] { code0, code1 }, Has.Exactly(1).EqualTo(Verdicts.FailedExitCode(out0 + out1)).And.Exactly(1).Zero, out0 + out1);
        Assert.That(
            merged,
            Is.EqualTo(Math.Max(code0, code1)),
            $"merge exits with the worst shard's code\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        if (!Verdicts.Saturated(wholeOut + out0 + out1))
            Assert.That(merged, Is.EqualTo(whole).And.EqualTo(1));
        using var suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports.Root, "merged", "suite.json")));
        var statuses = suite
            .RootElement.GetProperty("units")
            .EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetString()!, u => u.GetProperty("status").GetString());
        Assert.That(statuses.Keys, Is.EquivalentTo(SuiteUnits.Append(Failing)));
        Assert.That(statuses[Failing], Is.AnyOf("failed", "inconclusive"));
        Assert.That(JUnitSuites(Path.Combine(reports.Root, "merged")), Is.EquivalentTo(SuiteSuites.Append("shard-failing")));
        var failures = XDocument
            .Load(Path.Combine(reports.Root, "merged", "junit.xml"))
            .Root!.Elements("testsuite")
            .Where(s => s.Attribute("failures")!.Value != "0")
            .Select(s => s.Attribute("name")!.Value);
        Assert.That(failures, Is.EqualTo(new[] { "shard-failing" }));
        Assert.That(
            File.ReadAllText(Path.Combine(reports.Root, "merged", "summary.md")),
            Does.Contain("http\\_req\\_failed rate &lt; 50%")
        );
    }

    [Test]
    public async Task Shard_WithNothingToDo_ExitsZeroAndRecordsAnEmptyShard()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await Run(reports, "shard-4", Suite, "--shard", "4/5");

        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Contain("shard 4/5: nothing to do (the suite has 4 units, all in other shards)"));
        Assert.That(Units(reports, "shard-4"), Is.Empty);
        Assert.That(Directory.GetDirectories(Path.Combine(reports.Root, "shard-4")), Is.Empty, "no run folder");
    }

    [TestCase("3/3", "index 3 is not below the shard count 3")]
    [TestCase("-1/2", "is not of the form i/N")]
    [TestCase("a/b", "is not of the form i/N")]
    [TestCase("0/0", "the shard count must be at least 1")]
    public async Task Shard_BadForm_ExitsTwoWithTheReason(string shard, string reason)
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", Suite, "--shard", shard);

        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.Contain($"--shard '{shard}'").And.Contain(reason));
        Assert.That(stderr + stdout, Does.Not.Contain(" at Harness."), "no stack trace");
    }

    [Test]
    public async Task Merge_MissingShard_ExitsTwoNamingItAndWritesNothing()
    {
        using var reports = new ReportFolder();
        await Run(reports, "shard-2", Suite, "--shard", "2/3");

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "merge",
            Path.Combine(reports.Root, "shard-2"),
            "--out",
            Path.Combine(reports.Root, "merged")
        );

        Assert.That(code, Is.EqualTo(2), stdout + stderr);
        Assert.That(stderr, Does.Contain("shard 0/3 is missing").And.Contain("shard 1/3 is missing"));
        Assert.That(Directory.Exists(Path.Combine(reports.Root, "merged")), Is.False);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Run(ReportFolder reports, string folder, params string[] args) =>
        HarnessProcess.RunAsync(["run", .. args, "--report-dir", Path.Combine(reports.Root, folder), "--no-color"]);

    private static List<string> Units(ReportFolder reports, string shard)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports.Root, shard, "shard.json")));
        return manifest.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
    }

    private static List<string> JUnitSuites(string folder)
    {
        var files = Directory
            .GetFiles(
                folder,
                "junit.xml",
                folder.EndsWith("merged", StringComparison.Ordinal) ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories
            )
            .Where(f =>
                !Path.GetDirectoryName(f)!
                    .Contains($"{Path.DirectorySeparatorChar}cells{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            );
        return files.SelectMany(f => XDocument.Load(f).Root!.Elements("testsuite").Select(s => s.Attribute("name")!.Value)).ToList();
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EndToEnd.Tests;

/// <summary>scenarios/examples/matrix-networks.yaml (2x2 cells against LiveRoom, one failing on purpose) through the real CLI.</summary>
[NonParallelizable]
public sealed partial class MatrixRunTests
{
    private const string Scenario = "scenarios/examples/matrix-networks.yaml";
    private const string FailingCell = "network.profile=slow-3g,added_latency=250ms";

    [Test]
    public async Task Run_MatrixExample_WritesTheOverviewAndEachCellsReportInOneFolder()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", Scenario, "--report-dir", reports.Root);

        Assert.That(code, Is.EqualTo(Verdicts.FailedExitCode(stdout)), $"one cell fails on purpose\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var matrix = reports.SingleRun();
        Assert.That(Path.GetFileName(matrix), Does.Match(@"^\d{8}-\d{6}-matrix-networks$"));
        Assert.That(stdout, Does.Contain($"matrix overview: {Path.Combine(matrix, "index.html")}"));
        foreach (var file in new[] { "matrix.json", "index.html", "junit.xml", "summary.md" })
            Assert.That(File.Exists(Path.Combine(matrix, file)), Is.True, file);
        var cells = Directory.GetDirectories(Path.Combine(matrix, "cells")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(
            cells,
            Is.EqualTo(
                new[]
                {
                    "network.profile-slow-3g_added_latency-250ms",
                    "network.profile-slow-3g_added_latency-50ms",
                    "network.profile-wpt-cable_added_latency-250ms",
                    "network.profile-wpt-cable_added_latency-50ms",
                }
            )
        );
        foreach (var cell in cells)
        {
            foreach (var file in new[] { "results.json", "index.html", "junit.xml", "summary.md", "artifacts" })
            {
                Assert.That(Path.Exists(Path.Combine(matrix, "cells", cell!, file)), Is.True, $"{cell}/{file}");
            }
        }
        Assert.That(
            File.Exists(Path.Combine(reports.Root, "history.db")),
            Is.True,
            "cells append to the history beside the matrix folder, like single runs"
        );

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(matrix, "matrix.json")));
        var statuses = json
            .RootElement.GetProperty("cells")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        // On a saturated machine a failing cell may be inconclusive instead, and says so (Verdicts).
        var saturated = Verdicts.Saturated(stdout);
        Assert.That(statuses[FailingCell], saturated ? Is.AnyOf("failed", "inconclusive") : Is.EqualTo("failed"));
        Assert.That(
            statuses.Where(s => s.Key != FailingCell && s.Value != "passed").Select(s => $"{s.Key}: {s.Value}"),
            saturated ? Has.All.EndsWith(": inconclusive") : Is.Empty
        );
        Assert.That(json.RootElement.GetProperty("exit_code").GetInt32(), Is.EqualTo(code));
        using var failing = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(matrix, "cells", "network.profile-slow-3g_added_latency-250ms", "results.json"))
        );
        Assert.That(
            failing.RootElement.GetProperty("command").GetString(),
            Does.EndWith($"--filter 'matrix-networks[{FailingCell}]'"),
            "a cell's report repeats that cell alone"
        );

        var suites = XDocument.Load(Path.Combine(matrix, "junit.xml")).Root!.Elements("testsuite").ToList();
        Assert.That(
            suites.Select(s => s.Attribute("name")!.Value).ToList(),
            Has.Count.EqualTo(4).And.Member($"matrix-networks[{FailingCell}]").And.All.StartWith("matrix-networks[")
        );
        Assert.That(
            suites.Where(s => s.Attribute("failures")!.Value != "0").Select(s => s.Attribute("name")!.Value),
            Is.EquivalentTo(statuses.Where(s => s.Value != "passed").Select(s => $"matrix-networks[{s.Key}]"))
        );
        Assert.That(suites.SelectMany(s => s.Elements("testcase")).Count(), Is.EqualTo(8), "a case per threshold per cell");

        var html = File.ReadAllText(Path.Combine(matrix, "index.html"));
        Assert.That(RowHeaders().Matches(html).Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "wpt-cable", "slow-3g" }));
        Assert.That(
            CellClasses().Matches(html).Select(m => m.Groups[1].Value),
            Is.EqualTo(new[] { "passed", "passed", "passed", "failed" })
        );
        foreach (var cell in cells)
            Assert.That(html, Does.Contain($"href=\"cells/{cell}/index.html\""));
        Assert.That(
            File.ReadAllText(Path.Combine(matrix, "summary.md")),
            Does.Contain("| slow-3g | ✅ PASSED | ❌ FAILED<br>api `http_req_duration{phase:impaired} med < 550ms`")
        );

        File.Delete(Path.Combine(matrix, "index.html"));
        var (reportCode, reportOut, reportErr) = await HarnessProcess.RunAsync("report", matrix);
        Assert.That(reportCode, Is.Zero, reportOut + reportErr);
        Assert.That(
            File.ReadAllText(Path.Combine(matrix, "index.html")),
            Does.Contain("<table class=\"matrix-grid\">"),
            "harness report regenerates the overview"
        );
    }

    [Test]
    public async Task Run_MatrixWithFilter_ShowsOnlyTheCellsThatRan()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Scenario,
            "--report-dir",
            reports.Root,
            "--filter",
            "slow-3g,added_latency=50ms"
        );

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        var matrix = reports.SingleRun();
        Assert.That(
            Directory.GetDirectories(Path.Combine(matrix, "cells")).Select(Path.GetFileName),
            Is.EqualTo(new[] { "network.profile-slow-3g_added_latency-50ms" })
        );
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(matrix, "matrix.json")));
        Assert.That(json.RootElement.GetProperty("cells").GetArrayLength(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("filter").GetString(), Is.EqualTo("slow-3g,added_latency=50ms"));
        Assert.That(XDocument.Load(Path.Combine(matrix, "junit.xml")).Root!.Elements("testsuite").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Run_MatrixInterrupted_WritesTheOverviewOfTheCellsThatRan()
    {
        using var reports = new ReportFolder();
        using var harness = HarnessProcess.Start("run", Scenario, "--report-dir", reports.Root);

        await harness.WaitForOutputAsync("matrix-networks[network.profile=wpt-cable,added_latency=50ms]: PASSED");
        harness.Signal("INT");
        var code = await harness.WaitForExitAsync();

        Assert.That(code, Is.EqualTo(130), harness.Stderr);
        var matrix = reports.SingleRun();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(matrix, "matrix.json")));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("interrupted"));
        var statuses = json.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToList();
        Assert.That(statuses[0], Is.EqualTo("passed"));
        Assert.That(statuses[1], Is.AnyOf("interrupted", "not_run"), "the signal lands while the second cell starts, or just before it");
        Assert.That(statuses.Skip(2), Is.All.EqualTo("not_run"));
        Assert.That(
            File.ReadAllText(Path.Combine(matrix, "index.html")),
            Does.Contain("<div class=\"verdict interrupted\">INTERRUPTED</div>").And.Contain("<td class=\"cell not-run\">")
        );
        Assert.That(harness.Stdout, Does.Contain($"matrix overview: {Path.Combine(matrix, "index.html")}"));
        FailureExitCodeTests.AssertNoStackTrace(harness.Stdout + harness.Stderr);
    }

    [GeneratedRegex("<th scope=\"row\">([^<]*)</th>")]
    private static partial Regex RowHeaders();

    [GeneratedRegex("<td class=\"cell ([a-z-]+)\">")]
    private static partial Regex CellClasses();
}

using System.Text.Json;

namespace EndToEnd.Tests;

[NonParallelizable]
public sealed class MeasurementHealthTests
{
    [Test]
    public async Task Run_RealScenario_ResultsCarryHarnessMetricsPerPhaseAndEveryReportShowsThem()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            "scenarios/examples/failing-threshold.yaml",
            "--report-dir",
            reports.Root
        );

        var folder = reports.SingleRun();
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var health = results.RootElement.GetProperty("health");
        var metrics = health.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.That(
            metrics.Keys,
            Is.SupersetOf(new[] { "harness_cpu", "harness_threadpool_queue", "harness_threads", "harness_timer_lag", "harness_gc_pause" })
        );
        Assert.That(metrics["harness_timer_lag"].GetProperty("unit").GetString(), Is.EqualTo("ms"));
        Assert.That(metrics["harness_cpu"].GetProperty("unit").GetString(), Is.EqualTo("%"));
        // 100 ms ticks over a 3 s and a 5 s phase: tens of samples each, never thousands.
        var ticks = metrics["harness_timer_lag"].GetProperty("phases").GetProperty("slow-link").GetProperty("samples").GetInt64();
        Assert.That(ticks, Is.InRange(20, 60));
        var cpuSamples = metrics["harness_cpu"].GetProperty("phases").GetProperty("baseline").GetProperty("samples").GetInt64();
        Assert.That(cpuSamples, Is.InRange(1, 5));
        Assert.That(
            health.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()),
            Is.EqualTo(new[] { "baseline", "slow-link" })
        );
        // The example fails on purpose; on a saturated machine that failure is inconclusive instead.
        var inconclusive = health.GetProperty("verdict").ValueKind == JsonValueKind.String;
        Assert.That(code, Is.EqualTo(inconclusive ? 4 : 1), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(Results.Status(results), Is.EqualTo(inconclusive ? "inconclusive" : "failed"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "index.html")), Does.Contain("<section id=\"health\">"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "summary.md")), Does.Contain("### Measurement health"));
    }
}

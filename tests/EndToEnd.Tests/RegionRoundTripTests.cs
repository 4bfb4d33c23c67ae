namespace EndToEnd.Tests;

/// <summary>
/// Issue 5: the three-region example measures each link's round trip within 10% of the matrix. Each figure is the
/// median of ~100 WebSocket echoes (ten a second for 10 s), so a loaded CI box's outliers do not move it; us-echo
/// (same region, no added latency) shows the overhead inside every figure: probe, one proxy hop and LiveRoom's echo.
/// </summary>
[NonParallelizable]
public sealed class RegionRoundTripTests
{
    private static readonly (string Probe, double MatrixMs)[] Links = [("us-to-eu", 75), ("us-to-ap", 225), ("eu-to-ap", 175)];

    [Test]
    public async Task Run_RegionsExample_EveryLinksMedianRoundTripWithinTenPercentOfTheMatrix()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", "scenarios/examples/regions.yaml", "--report-dir", reports.Root);

        using var results = reports.Results();
        var measured = Links
            .Select(l => (l.Probe, l.MatrixMs, Median: Results.PhaseFigure(results, l.Probe, "ws_rtt", "steady", "med")))
            .ToList();
        var overhead = Results.PhaseFigure(results, "us-echo", "ws_rtt", "steady", "med");
        var report =
            string.Join(
                "\n",
                measured.Select(m =>
                    FormattableString.Invariant(
                        $"{m.Probe}: median {m.Median:0.00} ms vs {m.MatrixMs} ms ({(m.Median / m.MatrixMs - 1) * 100:+0.0;-0.0}%)"
                    )
                )
            ) + FormattableString.Invariant($"\nus-echo (overhead, no added latency): median {overhead:0.00} ms");
        TestContext.Out.WriteLine(report);
        foreach (var (probe, matrix, median) in measured)
        {
            Assert.That(median, Is.InRange(matrix * 0.9, matrix * 1.1), $"{probe}\n{report}");
        }
        Assert.That(code, Is.Zero, $"{report}\nstdout:\n{stdout}\nstderr:\n{stderr}");
    }
}

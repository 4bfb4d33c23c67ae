using Harness.Reports;
using Harness.Reports.Compare;

namespace Harness.Tests.Reports;

public sealed class CompareTests
{
    [Test]
    public void Compare_RunWithItself_IsUnchanged()
    {
        var smoke = ReportFixtures.Smoke();

        var comparison = RunComparer.Compare(smoke, smoke);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Unchanged));
        Assert.That(comparison.Metrics, Is.Not.Empty);
        Assert.That(comparison.Metrics.Select(m => m.Verdict), Is.All.EqualTo(ChangeVerdict.Unchanged));
    }

    [Test]
    public void Compare_HundredMillisecondsMoreLatency_RegressesAndNamesTheMetric()
    {
        var smoke = ReportFixtures.Smoke();

        var comparison = RunComparer.Compare(smoke, ReportFixtures.WithExtraLatency(smoke, 100));
        var markdown = CompareMarkdown.Render(comparison);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Regressed));
        var regressed = comparison.Metrics.Where(m => m.Verdict == ChangeVerdict.Regressed).ToList();
        Assert.That(
            regressed.Select(m => (m.Probe, m.Metric, m.Phase)),
            Does.Contain(("api", "http_req_duration", "baseline")).And.Contain(("echo", "ws_rtt", "degraded"))
        );
        Assert.That(markdown, Does.StartWith("## harness compare: REGRESSED"));
        Assert.That(markdown, Does.Contain("- **regressed**: api `http_req_duration` in baseline: shift +100 ms ≥ 5 ms"));
    }

    [Test]
    public void Compare_LessLatency_Improves()
    {
        var smoke = ReportFixtures.Smoke();

        var comparison = RunComparer.Compare(ReportFixtures.WithExtraLatency(smoke, 100), smoke);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Improved));
    }

    [Test]
    public void Compare_ChangeBelowTheMinimumEffect_IsUnchanged()
    {
        var smoke = ReportFixtures.Smoke();

        var comparison = RunComparer.Compare(smoke, ReportFixtures.WithExtraLatency(smoke, 2));

        Assert.That(
            comparison.Metrics.Where(m => m.Metric == "http_req_duration" && m.Phase == "degraded").Single().Verdict,
            Is.EqualTo(ChangeVerdict.Unchanged)
        );
    }

    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new double[] { 11, 12, 13, 14, 15, 16, 17, 18 }, 0.001, 1)]
    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 1.0, 0)]
    public void MannWhitney_KnownSamples_GivesExpectedPValueAndDirection(
        double[] baseline,
        double[] candidate,
        double pAtMost,
        int direction
    )
    {
        var result = MannWhitney.Test(baseline, candidate);

        Assert.That(result.PValue, Is.LessThanOrEqualTo(pAtMost));
        Assert.That(result.Direction, Is.EqualTo(direction));
    }

    [Test]
    public void MannWhitney_SeparatedSamplesOfTen_MatchesTheNormalApproximation()
    {
        // n1 = n2 = 10, complete separation: U = 100, mean 50, sd = sqrt(10*10*21/12) = 13.229; z = (50 - 0.5) / 13.229 = 3.742; p =
        // 0.000183.
        var result = MannWhitney.Test(
            Enumerable.Range(0, 10).Select(i => (double)i).ToList(),
            Enumerable.Range(100, 10).Select(i => (double)i).ToList()
        );

        Assert.That(result.Z, Is.EqualTo(3.742).Within(0.001));
        Assert.That(result.PValue, Is.EqualTo(0.000183).Within(0.000002));
    }

    [Test]
    public async Task CompareCommand_ExitCodes_AreZeroOneAndTwo()
    {
        var directory = Directory.CreateTempSubdirectory("harness-compare-");
        try
        {
            var smoke = ReportFixtures.Smoke();
            var baseline = Path.Combine(directory.FullName, "baseline.json");
            var candidate = Path.Combine(directory.FullName, "candidate", "results.json");
            Directory.CreateDirectory(Path.GetDirectoryName(candidate)!);
            await ResultsJson.WriteAsync(smoke, baseline, CancellationToken.None);
            await ResultsJson.WriteAsync(ReportFixtures.WithExtraLatency(smoke, 100), candidate, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "broken.json"), "{ not json");
            var output = new Harness.Cli.ConsoleOutput(TimeProvider.System);

            Assert.That(
                await Harness.Cli.CompareCommand.ExecuteAsync(baseline, baseline, directory.FullName, output, CancellationToken.None),
                Is.Zero
            );
            Assert.That(
                await Harness.Cli.CompareCommand.ExecuteAsync(baseline, candidate, null, output, CancellationToken.None),
                Is.EqualTo(1)
            );
            Assert.That(
                File.ReadAllText(Path.Combine(directory.FullName, "candidate", CompareHtml.FileName)),
                Does.Contain("REGRESSED").And.Contain("http_req_duration")
            );
            Assert.That(
                await Harness.Cli.CompareCommand.ExecuteAsync(
                    baseline,
                    Path.Combine(directory.FullName, "broken.json"),
                    null,
                    output,
                    CancellationToken.None
                ),
                Is.EqualTo(2)
            );
            Assert.That(
                await Harness.Cli.CompareCommand.ExecuteAsync(
                    baseline,
                    Path.Combine(directory.FullName, "missing.json"),
                    null,
                    output,
                    CancellationToken.None
                ),
                Is.EqualTo(2)
            );
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Load_NewerSchemaOrNotResults_IsAClearError()
    {
        var directory = Directory.CreateTempSubdirectory("harness-load-");
        try
        {
            var newer = Path.Combine(directory.FullName, "newer.json");
            File.WriteAllText(newer, """{"schema_version": 99}""");
            var other = Path.Combine(directory.FullName, "other.json");
            File.WriteAllText(other, """{"hello": 1}""");

            Assert.That(
                () => ResultsJson.Load(newer),
                Throws.TypeOf<ResultsUnreadableException>().With.Message.Contains("schema_version 99 is newer")
            );
            Assert.That(
                () => ResultsJson.Load(other),
                Throws.TypeOf<ResultsUnreadableException>().With.Message.Contains("not a harness results file")
            );
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

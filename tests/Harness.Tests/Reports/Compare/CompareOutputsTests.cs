using System.Text.Json;
using Harness.Cli;
using Harness.Reports;
using Harness.Reports.Compare;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Compare;

public sealed class CompareOutputsTests
{
    private static readonly AlternatingRequest Request = new(
        new Dictionary<string, string> { ["api_delay_ms"] = "0" },
        new Dictionary<string, string> { ["api_delay_ms"] = "100" },
        2
    );

    private static List<(ComparedRun Run, RunResults Results)> Rounds(double extraMs)
    {
        var smoke = ReportFixtures.Smoke();
        var slower = ReportFixtures.WithExtraLatency(smoke, extraMs);
        var gap = TimeSpan.FromMinutes(1);
        (ComparedRun, RunResults) Run(int round, Side side, int position, RunResults r)
        {
            var slug = ComparedRun.Slug(round, side);
            var moved = RoundFixtures.Later(r, position * gap, slug);
            return (
                new ComparedRun(
                    round,
                    side,
                    side == Side.Baseline ? "api_delay_ms=0" : "api_delay_ms=100",
                    slug,
                    slug,
                    moved.Status,
                    moved.ExitCode
                ),
                moved
            );
        }
        return
        [
            Run(1, Side.Baseline, 0, smoke),
            Run(1, Side.Candidate, 1, slower),
            Run(2, Side.Candidate, 2, slower),
            Run(2, Side.Baseline, 3, smoke),
        ];
    }

    [Test]
    public void AlternatingCompare_SlowerCandidate_RegressesAndListsTheRoundsInOrder()
    {
        var comparison = AlternatingCommand.Compare(Rounds(100), Request);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Regressed));
        Assert.That(
            comparison.Rounds.Select(r => r.Directory),
            Is.EqualTo(new[] { "1-baseline", "1-candidate", "2-candidate", "2-baseline" })
        );
        Assert.That(comparison.Baseline.RunId, Is.EqualTo("baseline api_delay_ms=0, 2 round(s) pooled"));
        var markdown = CompareMarkdown.Render(comparison);
        Assert.That(
            markdown,
            Does.Contain("| 2 | candidate | `api_delay_ms=100` | PASSED (exit 0) | [2-candidate/index.html](2-candidate/index.html) |")
        );
        Assert.That(markdown, Does.Contain("- **regressed**: api `http_req_duration` in baseline: shift +100 ms ≥ 5 ms"));
        Assert.That(markdown, Does.Contain(CompareMarkdown.PoolingNote));
        Assert.That(CompareHtml.Render(comparison), Does.Contain("<a href=\"2-candidate/index.html\">2-candidate/index.html</a>"));
    }

    [Test]
    public void AlternatingCompare_ThresholdFailedInARound_IsANoteNotTheVerdict()
    {
        var rounds = Rounds(0);
        var failing = rounds[1].Results with
        {
            Thresholds =
            [
                new ThresholdResult("api", "http_req_duration p(95) < 1ms", "http_req_duration", null, "p(95)", "<", 1, 50, false, "50 ms"),
            ],
        };
        rounds[1] = (rounds[1].Run, failing);

        var comparison = AlternatingCommand.Compare(rounds, Request);

        Assert.That(comparison.Overall, Is.EqualTo(ChangeVerdict.Unchanged));
        Assert.That(comparison.Notes, Does.Contain("round 1 candidate failed threshold api: http_req_duration p(95) < 1ms"));
    }

    [Test]
    public void AlternatingCompare_OneRound_NotesThatTheOrderDidNotCancelDrift()
    {
        var oneRound = Rounds(0).Take(2).ToList();

        var comparison = AlternatingCommand.Compare(oneRound, Request with { Rounds = 1 });

        Assert.That(comparison.Notes, Has.One.StartsWith("--rounds 1 is odd"));
        Assert.That(CompareMarkdown.Render(comparison), Does.Contain("--rounds 1 is odd"));
        Assert.That(AlternatingCommand.Compare(Rounds(0), Request).Notes, Has.None.Contains("is odd"));
    }

    [Test]
    public void CompareJson_HoldsVerdictsRoundsAndTheTest()
    {
        var comparison = AlternatingCommand.Compare(Rounds(100), Request);

        using var json = JsonDocument.Parse(CompareJson.Render(comparison));
        var root = json.RootElement;

        Assert.That(root.GetProperty("schema_version").GetInt32(), Is.EqualTo(CompareJson.SchemaVersion));
        Assert.That(root.GetProperty("overall").GetString(), Is.EqualTo("regressed"));
        Assert.That(
            root.GetProperty("rounds")
                .EnumerateArray()
                .Select(r => (r.GetProperty("round").GetInt32(), r.GetProperty("side").GetString(), r.GetProperty("status").GetString())),
            Is.EqualTo(
                new[] { (1, "baseline", "passed"), (1, "candidate", "passed"), (2, "candidate", "passed"), (2, "baseline", "passed") }
            )
        );
        Assert.That(root.GetProperty("test").GetProperty("alpha").GetDouble(), Is.EqualTo(RunComparer.Alpha));
        var metric = root.GetProperty("metrics")
            .EnumerateArray()
            .Single(m =>
                m.GetProperty("probe").GetString() == "api"
                && m.GetProperty("metric").GetString() == "http_req_duration"
                && m.GetProperty("phase").GetString() == "all"
            );
        Assert.That(metric.GetProperty("verdict").GetString(), Is.EqualTo("regressed"));
        Assert.That(
            metric.GetProperty("candidate").GetProperty("p50").GetDouble() - metric.GetProperty("baseline").GetProperty("p50").GetDouble(),
            Is.EqualTo(100).Within(1e-9)
        );
    }

    [Test]
    public async Task CompareCommand_WritesHtmlMarkdownAndJsonBesideTheCandidate()
    {
        var directory = Directory.CreateTempSubdirectory("harness-compare-out-");
        try
        {
            var smoke = ReportFixtures.Smoke();
            var baseline = Path.Combine(directory.FullName, "baseline.json");
            var candidate = Path.Combine(directory.FullName, "candidate.json");
            await ResultsJson.WriteAsync(smoke, baseline, CancellationToken.None);
            await ResultsJson.WriteAsync(ReportFixtures.WithExtraLatency(smoke, 100), candidate, CancellationToken.None);

            var code = await CompareCommand.ExecuteAsync(
                baseline,
                candidate,
                null,
                new ConsoleOutput(TimeProvider.System),
                CancellationToken.None
            );

            Assert.That(code, Is.EqualTo(1));
            Assert.That(
                File.ReadAllText(Path.Combine(directory.FullName, CompareWriter.MarkdownFile)),
                Does.StartWith("## harness compare: REGRESSED")
            );
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, CompareJson.FileName)));
            Assert.That(json.RootElement.GetProperty("overall").GetString(), Is.EqualTo("regressed"));
            Assert.That(json.RootElement.GetProperty("rounds").GetArrayLength(), Is.Zero);
            Assert.That(Directory.GetFiles(directory.FullName, "*.tmp"), Is.Empty);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

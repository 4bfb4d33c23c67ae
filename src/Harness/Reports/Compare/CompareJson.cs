using System.Text.Json;
using Harness.Reports.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// compare.json: the comparison for machines (CI gates, dashboards), with the same snake_case conventions as
/// results.json. Versioned; docs/results.md describes the fields.
/// </summary>
internal static class CompareJson
{
    public const string FileName = "compare.json";
    public const int SchemaVersion = 1;

    public static string Render(RunComparison comparison)
    {
        var document = new CompareDocument(
            SchemaVersion,
            CompareMarkdown.Word(comparison.Overall),
            Describe(comparison.Baseline),
            Describe(comparison.Candidate),
            comparison
                .Rounds.Select(r => new RoundDocument(
                    r.Round,
                    r.Side.ToString().ToLowerInvariant(),
                    r.Variables,
                    r.RunId,
                    r.Directory,
                    r.Status,
                    r.ExitCode
                ))
                .ToList(),
            new TestDocument(
                "mann-whitney-u",
                RunComparer.Alpha,
                RunComparer.RelativeEffect,
                RunComparer.LatencyEffectMs,
                RunComparer.RateEffect,
                RunComparer.CounterEffectPerSecond,
                RunComparer.MinSeconds
            ),
            comparison
                .Metrics.Select(m => new MetricDocument(
                    m.Probe,
                    m.Metric,
                    m.Kind,
                    m.Unit,
                    m.Phase,
                    CompareMarkdown.Word(m.Verdict),
                    m.PValue,
                    m.MinEffect,
                    Figures(m.Baseline),
                    Figures(m.Candidate),
                    m.Reason
                )
                {
                    Shift = m.Shift,
                    Tag = m.Tag,
                })
                .ToList(),
            comparison.Notes
        );
        return JsonSerializer.Serialize(document, ResultsJson.Options);
    }

    private static SideDocument Describe(RunResults r) =>
        new(r.RunId, r.Scenario.Name, r.Scenario.Seed, r.Status, r.StartedAt, r.FinishedAt);

    private static FiguresDocument Figures(Figures f) => new(f.P50, f.P95, f.Avg, f.Seconds);

    private sealed record CompareDocument(
        int SchemaVersion,
        string Overall,
        SideDocument Baseline,
        SideDocument Candidate,
        IReadOnlyList<RoundDocument> Rounds,
        TestDocument Test,
        IReadOnlyList<MetricDocument> Metrics,
        IReadOnlyList<string> Notes
    );

    private sealed record SideDocument(
        string RunId,
        string Scenario,
        int Seed,
        RunStatus Status,
        DateTimeOffset StartedAt,
        DateTimeOffset FinishedAt
    );

    private sealed record RoundDocument(
        int Round,
        string Side,
        string Variables,
        string RunId,
        string Directory,
        RunStatus Status,
        int ExitCode
    );

    private sealed record TestDocument(
        string Name,
        double Alpha,
        double RelativeEffect,
        double LatencyEffectMs,
        double RateEffect,
        double CounterEffectPerSecond,
        int MinSeconds
    );

    private sealed record MetricDocument(
        string Probe,
        string Metric,
        string Kind,
        string Unit,
        string Phase,
        string Verdict,
        double? PValue,
        double MinEffect,
        FiguresDocument Baseline,
        FiguresDocument Candidate,
        string Reason
    )
    {
        /// <summary>The Hodges-Lehmann shift of the per-second values the verdict follows; null when not tested.</summary>
        public double? Shift { get; init; }

        /// <summary>The tag value of a <c>--by</c> breakdown row (<c>step=2</c>); null for the whole metric.</summary>
        public string? Tag { get; init; }
    }

    private sealed record FiguresDocument(double? P50, double? P95, double? Avg, int Seconds);
}

using System.Text;
using Harness.Reports.Markdown;

namespace Harness.Reports.Compare;

/// <summary>A comparison as markdown (stdout, CI summaries): the verdict, the metrics that changed, then every metric.</summary>
internal static class CompareMarkdown
{
    public static string Render(RunComparison comparison)
    {
        var md = new StringBuilder();
        md.Append($"## harness compare: {Word(comparison.Overall).ToUpperInvariant()}\n\n");
        md.Append($"- baseline: {Md.Text(Describe(comparison.Baseline))}\n- candidate: {Md.Text(Describe(comparison.Candidate))}\n\n");
        if (comparison.Rounds.Count > 0)
        {
            md.Append("### Rounds (in the order they ran)\n\n")
                .Append(Md.Header("round", "side", "variables", "status", "report"))
                .Append('\n');
            foreach (var r in comparison.Rounds)
            {
                md.Append(
                        Md.Row(
                            r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            Word(r.Side),
                            Md.Code(r.Variables),
                            $"{ReportFormat.Verdict(r.Status)} (exit {r.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
                            $"[{Md.Text(r.Directory)}/index.html]({Uri.EscapeDataString(r.Directory)}/index.html)"
                        )
                    )
                    .Append('\n');
            }
            md.Append('\n');
        }
        foreach (var note in comparison.Notes)
            md.Append($"- note: {Md.Text(note)}\n");
        if (comparison.Notes.Count > 0)
            md.Append('\n');
        var changed = comparison.Metrics.Where(m => m.Verdict != ChangeVerdict.Unchanged).OrderByDescending(m => m.Verdict).ToList();
        if (changed.Count > 0)
        {
            md.Append("### Changed\n\n");
            foreach (var m in changed)
                md.Append(
                    $"- **{Word(m.Verdict)}**: {Md.Text(m.Subject)} {Md.Code(m.Metric)} in {Md.Text(m.Phase)}: {Md.Text(m.Reason)}\n"
                );
            md.Append('\n');
        }
        md.Append("### Metrics\n\n")
            .Append(
                Md.Header(
                    "verdict",
                    "probe",
                    "metric",
                    "phase",
                    "p50 (base → cand)",
                    "p95 (base → cand)",
                    "avg or rate (base → cand)",
                    "seconds",
                    "p",
                    "why"
                )
            )
            .Append('\n');
        foreach (var m in comparison.Metrics.OrderByDescending(m => m.Verdict))
        {
            md.Append(
                    Md.Row(
                        Word(m.Verdict),
                        Md.Text(m.Subject),
                        Md.Code(m.Metric),
                        Md.Text(m.Phase),
                        Pair(m, f => f.P50),
                        Pair(m, f => f.P95),
                        Pair(m, f => f.Avg),
                        $"{m.Baseline.Seconds} / {m.Candidate.Seconds}",
                        m.PValue is null ? "" : RunComparer.P(m.PValue.Value),
                        Md.Text(m.Reason)
                    )
                )
                .Append('\n');
        }
        md.Append(
            $"\nTest: two-sided Mann-Whitney U over per-second values, significant at p < {RunComparer.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}; "
                + "the verdict follows the Hodges-Lehmann shift of those values, which must reach the minimum effect: "
                + "max(5 %, 5 ms) for latency, max(5 %, 1 point) for rates, max(5 %, 0.1/s) for counters. "
                + "p50 and p95 are context, never the verdict.\n"
        );
        if (comparison.Rounds.Count > 0)
            md.Append(PoolingNote).Append('\n');
        return md.ToString();
    }

    public static string Word(ChangeVerdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Word(Side side) => side.ToString().ToLowerInvariant();

    public const string PoolingNote =
        "Rounds pooled per side: the test uses the per-second values of every round; p50 and p95 are the sample-weighted "
        + "means of the rounds' p50 and p95 (results keep percentiles, not histograms); averages and rates are exact over all samples.";

    public static string Describe(Model.RunResults r) =>
        $"{r.RunId} ({r.Scenario.Name}, seed {ReportFormat.Integer(r.Scenario.Seed)}, {ReportFormat.Verdict(r.Status)}, started {ReportFormat.Utc(r.StartedAt)})";

    public static string Pair(MetricComparison m, Func<Figures, double?> figure)
    {
        if (figure(m.Baseline) is not { } b || figure(m.Candidate) is not { } c)
            return "";
        return $"{ReportFormat.Number(b)} → {ReportFormat.Number(c)} ({ReportFormat.Signed(c - b, m.Unit)})";
    }
}

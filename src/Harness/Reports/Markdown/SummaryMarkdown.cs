using System.Text;
using Harness.Reports.Analysis;
using Harness.Reports.Model;

namespace Harness.Reports.Markdown;

/// <summary>
/// summary.md: fits a CI step summary or a pull-request comment. Verdict, failing thresholds, every threshold,
/// each section's findings (<see cref="SummaryFindings"/>), per-phase key figures (each probe's main latency and failures), run errors,
/// why exchanges failed. No links: the report may not be published.
/// </summary>
internal static class SummaryMarkdown
{
    public static string Render(RunResults r)
    {
        var md = new StringBuilder();
        var failing = r.Thresholds.Where(t => !t.Passed).ToList();
        var mark = r.Status switch
        {
            RunStatus.Passed => "✅",
            RunStatus.Inconclusive => "⚠️",
            _ => "❌",
        };
        md.Append($"## {mark} {Md.Text(r.Scenario.Name)}: {ReportFormat.Verdict(r.Status)}\n\n");
        if (!string.IsNullOrEmpty(r.Scenario.Description))
            md.Append(Md.Text(r.Scenario.Description)).Append("\n\n");
        md.Append(
            $"{r.Thresholds.Count - failing.Count} of {r.Thresholds.Count} thresholds passed · seed {ReportFormat.Integer(r.Scenario.Seed)} · "
                + $"{ReportFormat.Seconds(r.DurationMs)} · run {Md.Text(r.RunId)}\n\n"
        );
        foreach (var error in r.Errors)
            md.Append($"- **error:** {Md.Text(error)}\n");
        if (r.Errors.Count > 0)
            md.Append('\n');
        Failures(r, md);
        if (failing.Count > 0)
        {
            md.Append("### Failing thresholds\n\n");
            foreach (var t in failing)
            {
                md.Append($"- **{Md.Text(t.Probe)}** {Md.Code(t.Expression)}: ")
                    .Append(
                        t.Observed is null
                            ? Md.Text(t.Detail)
                            : $"observed **{Md.Text(ReportFormat.Observed(t))}**, limit {Md.Text(ReportFormat.Limit(t))}"
                    )
                    .Append(Md.Text(ReportFormat.Compared(t)))
                    .Append('\n');
            }
            md.Append('\n');
        }
        if (r.Thresholds.Count > 0)
        {
            md.Append("### Thresholds\n\n").Append(Md.Header("", "probe", "threshold", "observed", "limit")).Append('\n');
            foreach (var t in r.Thresholds)
            {
                md.Append(
                        Md.Row(
                            t.Passed ? "✅" : "❌",
                            Md.Text(t.Probe),
                            t.Tags is null && t.When is null
                                ? Md.Code(t.Expression)
                                : $"{Md.Code(t.Expression)} {Md.Text($"({t.DescribeScope()})")}",
                            t.Observed is null ? Md.Text(t.Detail) : Md.Text(ReportFormat.Observed(t)),
                            Md.Text(ReportFormat.Limit(t))
                        )
                    )
                    .Append('\n');
            }
            md.Append('\n');
        }
        SummaryFindings.Render(r, md);
        KeyFigures(r, md);
        Health(r, md);
        PacketLinkMarkdown.Render(r, md);
        md.Append($"Reproduce: {Md.Code(r.Command)} (seed {ReportFormat.Integer(r.Scenario.Seed)})\n");
        return md.ToString();
    }

    /// <summary>Why exchanges failed: each probe's top reasons.</summary>
    private static void Failures(RunResults r, StringBuilder md)
    {
        var lines = ErrorLines.For(r).ToList();
        if (lines.Count == 0)
            return;
        md.Append("### Errors\n\n");
        foreach (var (probe, line) in lines)
            md.Append($"- **{Md.Text(probe)}** {Md.Text(line)}\n");
        md.Append('\n');
    }

    private static void Health(RunResults r, StringBuilder md)
    {
        if (r.Health is not { } health)
            return;
        md.Append("### Measurement health\n\n");
        if (HealthFigures.Headline(r) is { } headline)
            md.Append($"**{Md.Text(headline)}**\n\n");
        md.Append(Md.Header(HealthFigures.Headers)).Append('\n');
        foreach (var row in HealthFigures.Rows(health))
            md.Append(Md.Row(row.Select(Md.Text).ToArray())).Append('\n');
        md.Append('\n').Append(Md.Text(HealthFigures.Bounds(health))).Append("\n\n");
    }

    private static void KeyFigures(RunResults r, StringBuilder md)
    {
        var rows = new List<string>();
        foreach (var probe in r.Probes)
        {
            var latency = KeyMetrics.MainLatency(probe);
            var failures = KeyMetrics.Failures(probe).Where(m => m.All.Samples > 0).ToList();
            foreach (var phase in PhaseWindows.Names(r.Phases))
            {
                var s = latency?.Phases.GetValueOrDefault(phase);
                var failed = failures.Sum(m => m.Phases.GetValueOrDefault(phase)?.Count ?? 0);
                rows.Add(
                    Md.Row(
                        Md.Text(probe.Name),
                        Md.Text(phase),
                        latency is null ? "" : Md.Code(latency.Name),
                        s is null ? "0" : ReportFormat.Integer(s.Samples),
                        ReportFormat.WithUnit(s?.Med, latency?.Unit ?? ""),
                        ReportFormat.WithUnit(s?.P95, latency?.Unit ?? ""),
                        ReportFormat.WithUnit(s?.Max, latency?.Unit ?? ""),
                        failures.Count == 0 ? "" : ReportFormat.Number(failed)
                    )
                );
            }
        }
        if (rows.Count == 0)
            return;
        md.Append("### Per phase\n\n")
            .Append(Md.Header("probe", "phase", "metric", "samples", "med", "p95", "max", "failures"))
            .Append('\n');
        foreach (var row in rows)
            md.Append(row).Append('\n');
        md.Append('\n');
    }
}

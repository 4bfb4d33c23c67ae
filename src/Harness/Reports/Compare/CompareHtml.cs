using System.Text;
using Harness.Reports.Html;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Compare;

/// <summary>compare.html: the comparison as one self-contained page, built with the same typed HTML tree as index.html.</summary>
internal static class CompareHtml
{
    public const string FileName = "compare.html";

    public static string Render(RunComparison comparison)
    {
        var overall = CompareMarkdown.Word(comparison.Overall);
        var changed = comparison.Metrics.Where(m => m.Verdict != ChangeVerdict.Unchanged).OrderByDescending(m => m.Verdict).ToList();
        var page = E(
            "html",
            [("lang", "en")],
            E(
                "head",
                E("meta", [("charset", "utf-8")]),
                E("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                E("title", $"{overall.ToUpperInvariant()} · compare {comparison.Candidate.Scenario.Name} · harness"),
                E("style", new HtmlTrusted(Styles.Css))
            ),
            E(
                "body",
                E(
                    "header",
                    [("id", "verdict")],
                    Cls(
                        "div",
                        $"verdict {(comparison.Overall == ChangeVerdict.Regressed ? "failed" : "passed")}",
                        overall.ToUpperInvariant()
                    ),
                    E("h1", $"compare {comparison.Candidate.Scenario.Name}"),
                    Table(
                        ["", ""],
                        [
                            ["Baseline", CompareMarkdown.Describe(comparison.Baseline)],
                            ["Candidate", CompareMarkdown.Describe(comparison.Candidate)],
                        ]
                    ),
                    changed.Count == 0
                        ? E("p", "No metric shifted by its minimum effect with a significant test.")
                        : Cls(
                            "ul",
                            "failing",
                            changed
                                .Select(m =>
                                    (HtmlNode)E(
                                        "li",
                                        Cls(
                                            "span",
                                            CompareMarkdown.Word(m.Verdict),
                                            CompareMarkdown.Word(m.Verdict).ToUpperInvariant() + " "
                                        ),
                                        E("strong", m.Subject),
                                        " ",
                                        Cls("code", "metric", m.Metric),
                                        $" in {m.Phase}: {m.Reason}"
                                    )
                                )
                                .ToArray()
                        ),
                    comparison.Notes.Count == 0 ? null : Cls("ul", "errors", comparison.Notes.Select(n => (HtmlNode)E("li", n)).ToArray())
                ),
                comparison.Rounds.Count == 0
                    ? null
                    : Section(
                        "rounds",
                        "Rounds (in the order they ran)",
                        Table(
                            ["Round", "Side", "Variables", "Status", "Report"],
                            comparison.Rounds.Select(r =>
                                new HtmlNode[]
                                {
                                    r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    CompareMarkdown.Word(r.Side),
                                    Cls("code", "metric", r.Variables),
                                    $"{ReportFormat.Verdict(r.Status)} (exit {r.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
                                    E("a", [("href", Uri.EscapeDataString(r.Directory) + "/index.html")], r.Directory + "/index.html"),
                                }
                            )
                        ),
                        Cls("p", "note", CompareMarkdown.PoolingNote)
                    ),
                Section(
                    "metrics",
                    "Metrics",
                    TableRows(
                        ["Verdict", "Probe", "Metric", "Phase", "p50", "p95", "Avg or rate", "Seconds", "p", "Why"],
                        comparison
                            .Metrics.OrderByDescending(m => m.Verdict)
                            .Select(m =>
                                Tr(
                                    m.Verdict == ChangeVerdict.Regressed ? "failed" : null,
                                    Cls("span", CompareMarkdown.Word(m.Verdict), CompareMarkdown.Word(m.Verdict)),
                                    m.Subject,
                                    Cls("code", "metric", m.Metric),
                                    m.Phase,
                                    CompareMarkdown.Pair(m, f => f.P50),
                                    CompareMarkdown.Pair(m, f => f.P95),
                                    CompareMarkdown.Pair(m, f => f.Avg),
                                    $"{m.Baseline.Seconds} / {m.Candidate.Seconds}",
                                    m.PValue is null ? "" : RunComparer.P(m.PValue.Value),
                                    m.Reason
                                )
                            )
                    ),
                    Cls(
                        "p",
                        "note",
                        "Two-sided Mann-Whitney U over per-second values (results keep per-second points, not raw samples), significant at p < 0.05, "
                            + "and a Hodges-Lehmann shift of at least the minimum effect: max(5 %, 5 ms) for latency, "
                            + "max(5 %, 1 point) for rates, "
                            + "max(5 %, 0.1/s) for counters. p50 and p95 are context, never the verdict."
                    )
                )
            )
        );
        var output = new StringBuilder("<!DOCTYPE html>\n");
        page.Render(output);
        return output.ToString();
    }
}

using System.Globalization;
using System.Text;
using Harness.Metrics;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html;

/// <summary>index.html: one self-contained page (no scripts, no external resources) rendered from results.json.</summary>
public static class HtmlReport
{
    public static string Render(RunResults results)
    {
        var verdict = results.Status.ToString().ToUpperInvariant();
        var page = E("html", [("lang", "en")],
            E("head",
                E("meta", [("charset", "utf-8")]),
                E("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                E("title", $"{verdict} · {results.Scenario.Name} · harness"),
                E("style", new HtmlTrusted(Styles.Css))),
            E("body",
                E("header", Cls("div", $"verdict {results.Status.ToString().ToLowerInvariant()}", verdict), E("h1", results.Scenario.Name),
                    E("p", results.Scenario.Description ?? string.Empty)),
                Summary(results),
                Errors(results),
                Thresholds(results),
                Phases(results),
                Probes(results)));
        var output = new StringBuilder("<!DOCTYPE html>\n");
        page.Render(output);
        return output.ToString();
    }

    private static HtmlNode Summary(RunResults r) => E("section", [("id", "summary")],
        E("h2", "Run"),
        Table(["", ""], [
            ["Run id", r.RunId],
            ["Started (UTC)", r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)],
            ["Duration", $"{Number(r.DurationMs / 1000)} s"],
            ["Seed", r.Scenario.Seed.ToString(CultureInfo.InvariantCulture)],
            ["Reproduce", Cls("code", "command", r.Command)],
            ["Impairment", $"{r.Environment.ToxiproxyKind} Toxiproxy-compatible server {r.Environment.ToxiproxyUrl} (version {r.Environment.ToxiproxyVersion ?? "unknown"})"],
            ["Machine", $"{r.Environment.Machine}, {r.Environment.Os}, {r.Environment.Runtime}"],
        ]));

    private static HtmlNode Errors(RunResults r) => r.Errors.Count == 0
        ? E("div")
        : E("section", [("id", "errors")], E("h2", "Errors"), E("ul", r.Errors.Select(e => (HtmlNode)E("li", e)).ToArray()));

    private static HtmlNode Thresholds(RunResults r) => E("section", [("id", "thresholds")],
        E("h2", "Thresholds"),
        r.Thresholds.Count == 0 ? E("p", "No thresholds were declared.") :
        Table(["", "Probe", "Threshold", "Observed", "Limit"], r.Thresholds.Select(t => new HtmlNode[]
        {
            Cls("span", t.Passed ? "pass" : "fail", t.Passed ? "PASS" : "FAIL"), t.Probe, Cls("code", "expr", t.Expression),
            t.Observed is null ? t.Detail : Number(t.Observed.Value), $"{t.Operator} {Number(t.Limit)}",
        })));

    private static HtmlNode Phases(RunResults r) => E("section", [("id", "phases")],
        E("h2", "Timeline"),
        Table(["Phase", "Planned", "Actual", "Impairment"], r.Phases.Select(p => new HtmlNode[]
        {
            p.Name, $"{Number(p.PlannedMs / 1000)} s", $"{Number(p.DurationMs / 1000)} s",
            p.Toxics.Count == 0 ? "none" : string.Join("; ", p.Toxics.Select(Describe)),
        })));

    private static string Describe(ToxicResult t) =>
        $"{t.Type} {t.Stream} on {t.Proxy}: {string.Join(", ", t.Attributes.Select(a => $"{a.Key}={a.Value.ToString(CultureInfo.InvariantCulture)}"))}" +
        (t.Toxicity < 1 ? $" (toxicity {Number(t.Toxicity)})" : string.Empty);

    private static HtmlNode Probes(RunResults r) => E("section", [("id", "probes")],
        E("h2", "Per-phase statistics"),
        E("div", r.Probes.Select(p => (HtmlNode)E("article",
            E("h3", $"{p.Name} ({p.Kind})"), Cls("p", "url", p.Url),
            Table(["Metric", "Phase", "Samples", "Count", "Rate", "Avg", "Med", "p95", "p99", "Max"],
                p.Metrics.SelectMany(m => m.Phases.Select(ph => Row(m, ph.Key, ph.Value)).Append(Row(m, "all", m.All)))))).ToArray()));

    private static HtmlNode[] Row(MetricResult metric, string phase, MetricSummary s) =>
    [
        Cls("code", "metric", metric.Name), phase, s.Samples.ToString(CultureInfo.InvariantCulture), Number(s.Count), Optional(s.Rate),
        Optional(s.Avg), Optional(s.Med), Optional(s.P95), Optional(s.P99), Optional(s.Max),
    ];

    private static string Optional(double? value) => value is null ? "" : Number(value.Value);

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}

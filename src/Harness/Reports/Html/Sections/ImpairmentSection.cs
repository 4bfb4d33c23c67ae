using Harness.Reports.Analysis;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>Configured against achieved impairment per proxy, phase and direction, saying exactly what was measured.</summary>
internal sealed class ImpairmentSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        if (r.Proxies.Count == 0)
            return null;
        var reference = ImpairmentAnalysis.ReferencePhase(r);
        var rows = ImpairmentAnalysis
            .Rows(r)
            .SelectMany(row => Rows(row, r.Proxies.FirstOrDefault(p => p.Name == row.Configured.Proxy)?.Link));
        return Section(
            "impairment",
            "Impairment: configured and achieved",
            E(
                "p",
                reference is null
                    ? "Every phase had toxics, so there is no reference phase and the achieved impairment cannot be measured."
                    : $"Configured: the proxy's profile toxics (whole run) plus the phase's toxics, per direction (upstream = client to target, downstream = target to client). "
                        + $"Achieved: for each probe routed through the proxy, the median of its main latency metric in the phase minus its median in the reference phase \"{reference}\". "
                        + "A round-trip metric crosses both directions, so it is held against upstream + downstream latency; ws_frame_delay is one-way and held against downstream only. "
                        + "Expected is the configured latency (× toxicity) minus the reference phase's; jitter, bandwidth and loss also move the median, so expect them to widen the gap."
            ),
            E(
                "p",
                "Probes per proxy: by the bytes each proxy carried in the phase when the server counts them (the embedded one does), "
                    + "otherwise by the probe's URL host. A page reaches other routed hosts (its WebSocket, its API), so a browser probe counts "
                    + "on every proxy that carried its traffic; its figure is its navigation time (browser_load)."
            ),
            Links(r),
            TableRows(
                [
                    "Proxy",
                    "Phase",
                    "Upstream (configured)",
                    "Downstream (configured)",
                    "Probe · metric",
                    "Measures",
                    "Expected added",
                    "Achieved added",
                    "Phase median",
                    "Carried",
                ],
                rows
            ),
            Proxies(r)
        );
    }

    private static IEnumerable<HtmlElement> Rows(ImpairmentRow row, LinkResult? link)
    {
        var c = row.Configured;
        HtmlNode up = Toxics(c.Upstream),
            down = Toxics(c.Downstream);
        var carried = row.Bytes is { } bytes ? ReportFormat.Bytes(bytes) : "n/a";
        if (row.Achieved.Count == 0)
        {
            var why =
                link is not null ? LinkText.Route(link)
                : row.Bytes is > 0 ? "carried traffic, but no probe's URL routes to it"
                : "no probe routed through it";
            yield return Tr(null, c.Proxy, c.Phase, up, down, why, "", "", "", "", carried);
            yield break;
        }
        foreach (var a in row.Achieved)
        {
            var also = a.AlsoThrough.Count == 0 ? "" : $" (also through {string.Join(", ", a.AlsoThrough)})";
            yield return Tr(
                row.IsReference ? "reference" : null,
                c.Proxy,
                c.Phase,
                up,
                down,
                $"{a.Probe} · {a.Metric}{also}",
                a.Measures,
                row.IsReference ? "reference" : ReportFormat.WithUnit(a.ExpectedAddedMs, "ms"),
                row.IsReference ? "reference"
                    : a.AchievedAddedMs is null ? "n/a"
                    : ReportFormat.Signed(a.AchievedAddedMs.Value, "ms"),
                ReportFormat.WithUnit(a.PhaseMedian, "ms"),
                carried
            );
        }
    }

    private static HtmlNode Toxics(IReadOnlyList<ToxicResult> toxics) =>
        toxics.Count == 0 ? "none" : Frag(toxics.Select(t => (HtmlNode)E("div", Describe(t))));

    private static string Describe(ToxicResult t) =>
        $"{t.Type}: {ReportFormat.ToxicAttributes(t)}" + (t.Toxicity < 1 ? $" (toxicity {ReportFormat.Number(t.Toxicity)})" : "");

    // Server-to-server links carry no probe: what crossed them is their own count of exchanges.
    private static HtmlNode? Links(RunResults r)
    {
        var links = r.Proxies.Where(p => p.Link is not null).ToList();
        if (links.Count == 0)
            return null;
        return Table(
            ["Link", "Route", "Carried"],
            links.Select(p => new HtmlNode[] { p.Name, LinkText.Route(p.Link!), LinkText.Carried(p.Link!) })
        );
    }

    private static HtmlNode Proxies(RunResults r) =>
        Table(
            ["Proxy", "Listen", "Upstream", "Hosts", "Profile", "Routed probes"],
            r.Proxies.Select(p =>
                new HtmlNode[]
                {
                    p.Name,
                    p.Listen,
                    p.Upstream,
                    string.Join(", ", p.Hosts),
                    p.Profile ?? "none",
                    string.Join(
                        ", ",
                        PhaseWindows
                            .Names(r.Phases)
                            .SelectMany(phase => ImpairmentAnalysis.Crossing(r, p, phase))
                            .Distinct()
                            .Select(probe => probe.Name)
                    ),
                }
            )
        );
}

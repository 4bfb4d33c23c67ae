using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Packet mode's links, and the client namespace's when a browser participant ran there: configured against achieved per
/// link, phase and direction, as the forwarder counted them.
/// </summary>
internal sealed class PacketLinkSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        if (context.Results.Packet is not { } packet)
            return null;
        var links = packet.Links is { Count: > 1 } several ? several : [packet];
        var where =
            links.Count == 1
                ? $"network namespace {packet.Namespace} at {packet.ServiceAddress}; the harness ({packet.HostAddress}) forwarded "
                    + "every IP packet of the link and impaired it."
                : $"network namespace {packet.Namespace}, reached across {links.Count} links, one per proxy, each with its own "
                    + "addresses, impairments and counts; the harness forwarded every IP packet of each link and impaired it.";
        var rows = links.SelectMany(link => link.Phases.SelectMany(phase => Rows(links.Count == 1 ? null : Name(link), phase)));
        string[] columns =
            links.Count == 1 ? ["Phase", "Direction", "Configured", "Achieved"] : ["Link", "Phase", "Direction", "Configured", "Achieved"];
        return Section(
            "packet-link",
            "Packet link: configured and achieved",
            E(
                "p",
                $"Packet mode: the services ran in {where} Upstream = towards the service. "
                    + "Achieved figures are the forwarder's own counts over the phase (looked at every 100 ms, so a boundary blurs by up "
                    + "to 100 ms); the kernel's TCP retransmitted what was lost, so probes saw delay, not missing data."
            ),
            TableRows(columns, rows),
            packet.Client is { } client ? ClientHeading(client) : null,
            packet.Client is { } c
                ? TableRows(["Phase", "Direction", "Configured", "Achieved"], c.Phases.SelectMany(p => Rows(null, p)))
                : null
        );
    }

    private static HtmlElement ClientHeading(PacketModeResult client) =>
        E(
            "h3",
            $"Client namespace link: {client.Namespace}, client {client.HostAddress}, server side {client.ServiceAddress} "
                + "(a browser participant's own network; upstream = towards the service)"
        );

    private static string Name(PacketModeResult link) => $"{link.Proxy} ({link.HostAddress} -> {link.ServiceAddress})";

    private static IEnumerable<HtmlElement> Rows(string? link, PacketPhaseResult phase)
    {
        string[] first = link is null ? [] : [link];
        yield return Tr(
            null,
            [
                .. first,
                phase.Phase,
                "upstream",
                PacketLinkText.Configured(phase.Upstream.Configured),
                PacketLinkText.Achieved(phase.Upstream.Achieved),
            ]
        );
        yield return Tr(
            null,
            [
                .. first,
                phase.Phase,
                "downstream",
                PacketLinkText.Configured(phase.Downstream.Configured),
                PacketLinkText.Achieved(phase.Downstream.Achieved),
            ]
        );
    }
}

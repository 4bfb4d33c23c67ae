using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>
/// Packet mode's link, and the client namespace's when a browser participant ran there: configured against achieved per
/// phase and direction, as the forwarder counted them.
/// </summary>
internal sealed class PacketLinkSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        if (context.Results.Packet is not { } packet)
            return null;
        return Section(
            "packet-link",
            "Packet link: configured and achieved",
            E(
                "p",
                $"Packet mode: the services ran in network namespace {packet.Namespace} at {packet.ServiceAddress}; the harness "
                    + $"({packet.HostAddress}) forwarded every IP packet of the link and impaired it. Upstream = towards the service. "
                    + "Achieved figures are the forwarder's own counts over the phase (looked at every 100 ms, so a boundary blurs by up "
                    + "to 100 ms); the kernel's TCP retransmitted what was lost, so probes saw delay, not missing data."
            ),
            TableRows(["Phase", "Direction", "Configured", "Achieved"], packet.Phases.SelectMany(Rows)),
            packet.Client is { } client ? ClientHeading(client) : null,
            packet.Client is { } c ? TableRows(["Phase", "Direction", "Configured", "Achieved"], c.Phases.SelectMany(Rows)) : null
        );
    }

    private static HtmlElement ClientHeading(PacketModeResult client) =>
        E(
            "h3",
            $"Client namespace link: {client.Namespace}, client {client.HostAddress}, server side {client.ServiceAddress} "
                + "(a browser participant's own network; upstream = towards the service)"
        );

    private static IEnumerable<HtmlElement> Rows(PacketPhaseResult phase)
    {
        yield return Tr(
            null,
            phase.Phase,
            "upstream",
            PacketLinkText.Configured(phase.Upstream.Configured),
            PacketLinkText.Achieved(phase.Upstream.Achieved)
        );
        yield return Tr(
            null,
            phase.Phase,
            "downstream",
            PacketLinkText.Configured(phase.Downstream.Configured),
            PacketLinkText.Achieved(phase.Downstream.Achieved)
        );
    }
}

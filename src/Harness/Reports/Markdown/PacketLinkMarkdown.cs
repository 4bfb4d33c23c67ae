using System.Text;
using Harness.Reports.Model;

namespace Harness.Reports.Markdown;

/// <summary>
/// summary.md's packet link tables: configured against achieved per phase and direction, one per link into the server
/// namespace (named after its proxy when the run has several), then the client namespace's link (when a browser
/// participant ran there).
/// </summary>
internal static class PacketLinkMarkdown
{
    public static void Render(RunResults r, StringBuilder md)
    {
        if (r.Packet is not { } packet)
            return;
        if (packet.Links is { Count: > 1 } links)
        {
            foreach (var link in links)
            {
                var where = $"{link.Namespace}, harness {link.HostAddress}, service {link.ServiceAddress}";
                md.Append($"### Packet link {Md.Text(link.Proxy ?? "?")} ({Md.Text(where)}, upstream = towards the service)\n\n");
                Table(link, md);
            }
        }
        else
        {
            md.Append($"### Packet link ({Md.Text(packet.Namespace)}, upstream = towards the service)\n\n");
            Table(packet, md);
        }
        if (packet.Client is { } client)
        {
            md.Append($"### Client namespace link ({Md.Text(client.Namespace)}, client {Md.Text(client.HostAddress)}, ")
                .Append("upstream = towards the service)\n\n");
            Table(client, md);
        }
    }

    private static void Table(PacketModeResult link, StringBuilder md)
    {
        md.Append(Md.Header("phase", "direction", "configured", "achieved")).Append('\n');
        foreach (var phase in link.Phases)
        {
            Row(md, phase.Phase, "upstream", phase.Upstream);
            Row(md, phase.Phase, "downstream", phase.Downstream);
        }
        md.Append('\n');
    }

    private static void Row(StringBuilder md, string phase, string direction, PacketDirectionResult side) =>
        md.Append(
                Md.Row(
                    Md.Text(phase),
                    direction,
                    Md.Text(PacketLinkText.Configured(side.Configured)),
                    Md.Text(PacketLinkText.Achieved(side.Achieved))
                )
            )
            .Append('\n');
}

using System.Text;
using Harness.Reports.Model;

namespace Harness.Reports.Markdown;

/// <summary>summary.md's packet link table (one per link): configured against achieved per phase and direction.</summary>
internal static class PacketLinkMarkdown
{
    public static void Render(RunResults r, StringBuilder md)
    {
        if (r.Packet is not { } packet)
            return;
        // One table per link into the server namespace, named after its proxy when the run has several.
        if (packet.Links is not { Count: > 1 } links)
        {
            Table($"### Packet link ({Md.Text(packet.Namespace)}, upstream = towards the service)", packet, md);
            return;
        }
        foreach (var link in links)
        {
            var where = $"{link.Namespace}, harness {link.HostAddress}, service {link.ServiceAddress}";
            Table($"### Packet link {Md.Text(link.Proxy ?? "?")} ({Md.Text(where)}, upstream = towards the service)", link, md);
        }
    }

    private static void Table(string heading, PacketModeResult packet, StringBuilder md)
    {
        md.Append(heading).Append("\n\n").Append(Md.Header("phase", "direction", "configured", "achieved")).Append('\n');
        foreach (var phase in packet.Phases)
        {
            md.Append(
                    Md.Row(
                        Md.Text(phase.Phase),
                        "upstream",
                        Md.Text(PacketLinkText.Configured(phase.Upstream.Configured)),
                        Md.Text(PacketLinkText.Achieved(phase.Upstream.Achieved))
                    )
                )
                .Append('\n');
            md.Append(
                    Md.Row(
                        Md.Text(phase.Phase),
                        "downstream",
                        Md.Text(PacketLinkText.Configured(phase.Downstream.Configured)),
                        Md.Text(PacketLinkText.Achieved(phase.Downstream.Achieved))
                    )
                )
                .Append('\n');
        }
        md.Append('\n');
    }
}

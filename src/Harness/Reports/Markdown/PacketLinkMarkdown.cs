using System.Text;
using Harness.Reports.Model;

namespace Harness.Reports.Markdown;

/// <summary>summary.md's packet link table: configured against achieved per phase and direction.</summary>
internal static class PacketLinkMarkdown
{
    public static void Render(RunResults r, StringBuilder md)
    {
        if (r.Packet is not { } packet)
            return;
        md.Append($"### Packet link ({Md.Text(packet.Namespace)}, upstream = towards the service)\n\n")
            .Append(Md.Header("phase", "direction", "configured", "achieved"))
            .Append('\n');
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

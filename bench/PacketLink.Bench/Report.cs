using Harness.Impairment.Packet.Namespaces;
using static Harness.PacketLink.Bench.Stats;

namespace Harness.PacketLink.Bench;

/// <summary>The medians over rounds as a markdown table, the link's own counters and the load.</summary>
internal static class Report
{
    public static void Print(BenchPath[] paths, PacketNetwork network, string loadBefore, TimeSpan elapsed)
    {
        var link = paths.Single(p => p.Name == "link").Rounds;
        var direct = paths.Single(p => p.Name == "direct").Rounds;
        Console.WriteLine();
        Console.WriteLine(
            $"medians over {link.Count} rounds (load average before {loadBefore}, after {Load()}; "
                + $"1-minute load at the rounds' starts {string.Join(", ", link.Select(r => F(r.Load, "0.0")))})"
        );
        Console.WriteLine();
        Console.WriteLine("| figure | through the link | direct loopback | link / direct |");
        Console.WriteLine("|---|---|---|---|");
        Row("TCP bulk host -> namespace, Mbit/s", link, direct, r => r.Up.Mbps);
        Row("TCP bulk namespace -> host, Mbit/s", link, direct, r => r.Down.Mbps);
        Row("bench process CPU while sending, % of a core", link, direct, r => r.Up.CpuPercent);
        Row("bench process CPU while receiving, % of a core", link, direct, r => r.Down.CpuPercent);
        Row("bench process CPU per Gbit/s sent, % of a core", link, direct, r => r.Up.CpuPerGbps);
        Row("bench process CPU per Gbit/s received, % of a core", link, direct, r => r.Down.CpuPerGbps);
        Row("UDP 64-byte echo RTT p50, us", link, direct, r => r.EchoP50);
        Row("UDP 64-byte echo RTT p99, us", link, direct, r => r.EchoP99);
        var addedP50 = Median(link.Zip(direct, (l, d) => (l.EchoP50 - d.EchoP50) / 2));
        var addedP99 = Median(link.Zip(direct, (l, d) => (l.EchoP99 - d.EchoP99) / 2));
        Console.WriteLine($"| added per direction, p50 (half the RTT difference), us | {F(addedP50)} | | |");
        Console.WriteLine($"| added per direction, p99, us | {F(addedP99)} | | |");
        Console.WriteLine();
        var up = network.Upstream.Counters;
        var down = network.Downstream.Counters;
        Console.WriteLine(
            $"forwarder: upstream {up.Seen} packets (mean {F(up.Bytes / Math.Max(1.0, up.Seen))} B), "
                + $"downstream {down.Seen} packets (mean {F(down.Bytes / Math.Max(1.0, down.Seen))} B), "
                + $"dropped {up.Dropped + up.DroppedQueue + down.Dropped + down.DroppedQueue}, write failures {network.WriteFailures}; "
                + $"echoes lost: link {link.Sum(r => r.EchoesLost)}, direct {direct.Sum(r => r.EchoesLost)}; "
                + $"took {F(elapsed.TotalSeconds)} s"
        );
    }

    private static void Row(string figure, List<RoundFigures> link, List<RoundFigures> direct, Func<RoundFigures, double> pick)
    {
        var l = Median(link.Select(pick));
        var d = Median(direct.Select(pick));
        Console.WriteLine($"| {figure} | {F(l, l < 10 ? "0.0" : "0")} | {F(d, d < 10 ? "0.0" : "0")} | {F(l / d, "0.00")} |");
    }
}

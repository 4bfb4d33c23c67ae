using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Harness.Impairment.Packet.Namespaces;
using static Harness.PacketLink.Bench.Stats;

namespace Harness.PacketLink.Bench;

/// <summary>
/// Builds one packet link (no impairment), starts a server child inside its namespace and one on loopback, and
/// measures both paths interleaved, round by round: TCP bulk each way over one connection, then 64-byte UDP
/// echoes. Prints every round and the medians, with the load average. Everything is removed on every exit path.
/// </summary>
internal static class LinkBench
{
    public static int Run(BenchOptions options)
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
        {
            Console.Error.WriteLine($"PacketLink.Bench: {why}");
            return 3;
        }
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
        var clock = Stopwatch.StartNew();
        var loadBefore = Load();
        using var network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 1 });
        using var inside = ServerProcess.Start(network.InsideNamespace([]), network.Addresses.Inner);
        using var direct = ServerProcess.Start([], IPAddress.Loopback);
        Console.WriteLine(
            $"link {network.Names.HostDevice} -> {network.Addresses.Inner} in {network.Names.Namespace}; "
                + $"{options.Rounds} rounds, {options.Seconds} s per transfer, {options.Echoes} echoes; load {loadBefore}"
        );
        var paths = new[] { new BenchPath("link", inside), new BenchPath("direct", direct) };
        try
        {
            foreach (var path in paths)
                Warm(path);
            for (var round = 0; round < options.Rounds; round++)
            {
                var order = round % 2 == 0 ? paths : paths.Reverse().ToArray();
                MeasureRound(order, options, round, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("PacketLink.Bench: interrupted; removing the link and the servers");
            return 130;
        }
        Report.Print(paths, network, loadBefore, clock.Elapsed);
        return 0;
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) =>
        context =>
        {
            context.Cancel = true;
            stop.Cancel();
        };

    private static void Warm(BenchPath path)
    {
        Transfers.Upload(path.Server.Tcp, TimeSpan.FromSeconds(1));
        Transfers.Download(path.Server.Tcp, TimeSpan.FromSeconds(1));
        Echoes.Measure(path.Server.Udp, 200);
    }

    private static void MeasureRound(BenchPath[] order, BenchOptions options, int round, CancellationToken stop)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var load = Load1();
        var figures = order.ToDictionary(p => p, _ => new RoundFigures { Load = load });
        foreach (var path in order)
        {
            stop.ThrowIfCancellationRequested();
            figures[path].Up = Transfers.Upload(path.Server.Tcp, duration);
        }
        foreach (var path in order)
        {
            stop.ThrowIfCancellationRequested();
            figures[path].Down = Transfers.Download(path.Server.Tcp, duration);
        }
        foreach (var path in order)
        {
            stop.ThrowIfCancellationRequested();
            (figures[path].EchoMicros, figures[path].EchoesLost) = Echoes.Measure(path.Server.Udp, options.Echoes);
        }
        foreach (var path in order)
        {
            path.Rounds.Add(figures[path]);
            var f = figures[path];
            Console.WriteLine(
                $"round {round + 1} {path.Name, -6} up {F(f.Up.Mbps)} Mbit/s (cpu {F(f.Up.CpuPercent)} %), "
                    + $"down {F(f.Down.Mbps)} Mbit/s (cpu {F(f.Down.CpuPercent)} %), echo p50 {F(f.EchoP50)} us "
                    + $"p99 {F(f.EchoP99)} us lost {f.EchoesLost}; load {F(load, "0.00")}"
            );
        }
    }
}

/// <summary>One measured path (through the link, or direct on loopback) and its rounds.</summary>
internal sealed record BenchPath(string Name, ServerProcess Server)
{
    public List<RoundFigures> Rounds { get; } = [];
}

internal sealed class RoundFigures
{
    public double Load { get; init; }

    public Transfer Up { get; set; }

    public Transfer Down { get; set; }

    public double[] EchoMicros { get; set; } = [];

    public int EchoesLost { get; set; }

    public double EchoP50 => Percentile(EchoMicros, 50);

    public double EchoP99 => Percentile(EchoMicros, 99);
}

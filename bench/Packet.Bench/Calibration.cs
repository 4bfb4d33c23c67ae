using System.Globalization;
using Harness.Impairment.Packet.Namespaces;

namespace Harness.Packet.Bench;

/// <summary>
/// <c>calibrate</c>: for each cell, echo delays and bulk throughput through packet mode (kernel TCP over an impaired
/// TUN link) and through the stream model (the engine's <c>loss</c> and <c>latency</c> toxics on loopback), then a
/// markdown table for docs/packet-mode.md.
/// </summary>
internal static class Calibration
{
    public static async Task<int> RunAsync(CalibrateOptions options)
    {
        if (options.Packet && PacketPrivileges.WhyUnavailable() is { } why)
        {
            Console.Error.WriteLine($"skipped: the packet-mode half needs root ({why}); run as root or pass --modes stream");
            return 3;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var started = DateTime.UtcNow;
        var loadBefore = LoadAverage();
        Console.WriteLine($"calibrate: echo {options.EchoSeconds} s, bulk {options.BulkSeconds} s per cell and mode; load {loadBefore}");
        var rows = new List<Row>();
        try
        {
            foreach (var cell in options.Cells)
                rows.Add(await MeasureCellAsync(cell, options, cancel.Token));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("interrupted; namespaces removed");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or PacketNetworkException or IOException)
        {
            Console.Error.WriteLine($"calibrate failed: {ex.Message} (namespaces removed)");
            return 1;
        }
        Console.WriteLine();
        Console.WriteLine(Row.Header);
        foreach (var row in rows)
            Console.WriteLine(row.Markdown());
        Console.WriteLine();
        Console.WriteLine(
            $"{started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalSeconds:F0} s; load average before {loadBefore}, after {LoadAverage()}"
        );
        return 0;
    }

    private static async Task<Row> MeasureCellAsync(Cell cell, CalibrateOptions options, CancellationToken cancel)
    {
        Measured? packet = null,
            stream = null,
            legacy = null;
        if (options.Packet)
        {
            await using var setup = await PacketSetup.StartAsync(cell, options.Seed, options.CongestionControl);
            packet = await MeasureAsync(setup, options, cancel);
            Report(cell, "packet", packet);
            Console.WriteLine(
                $"  link up {Counted(setup.Up)}, down {Counted(setup.Down)}; namespace {setup.Name}, "
                    + $"congestion control {setup.CongestionControl} (host {HostCongestionControl()})"
            );
        }
        if (options.Stream)
        {
            await using var setup = await StreamSetup.StartAsync(cell, options.Seed, rtt: true);
            stream = await MeasureAsync(setup, options, cancel);
            Report(cell, "stream (loss toxic with rtt)", stream);
        }
        if (options.Legacy)
        {
            await using var setup = await StreamSetup.StartAsync(cell, options.Seed, rtt: false);
            legacy = await MeasureAsync(setup, options, cancel);
            Report(cell, "stream (loss toxic without rtt)", legacy);
        }
        return new Row(cell, packet, stream, legacy);
    }

    private static async Task<Measured> MeasureAsync(ISetup setup, CalibrateOptions options, CancellationToken cancel)
    {
        var echo = await EchoProbe.RunAsync(setup.Echo, TimeSpan.FromSeconds(options.EchoSeconds), cancel);
        var bulk = await BulkProbe.RunAsync(setup.Bulk, TimeSpan.FromSeconds(options.BulkSeconds), cancel);
        return new Measured(echo, bulk);
    }

    private static void Report(Cell cell, string mode, Measured m) =>
        Console.WriteLine(
            $"{cell}, {mode}: echo n={m.Echo.SortedMs.Length} missing={m.Echo.Missing} p50 {m.Echo.P50:F1} p95 {m.Echo.P95:F1} "
                + $"p99 {m.Echo.P99:F1} max {m.Echo.SortedMs.LastOrDefault():F1} ms; bulk {m.BulkMbps:F2} Mbit/s (Mathis {cell.MathisMbps:F1})"
        );

    private static string Counted(Harness.Impairment.Packet.Pipeline.PacketCounters c) =>
        $"{c.Seen} packets, {c.Dropped} dropped ({100.0 * c.Dropped / Math.Max(1, c.Seen):F2} %)";

    private static string HostCongestionControl() => File.ReadAllText("/proc/sys/net/ipv4/tcp_congestion_control").Trim();

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

internal sealed record Measured(EchoResult Echo, double BulkMbps);

internal sealed record Row(Cell Cell, Measured? Packet, Measured? Stream, Measured? Legacy)
{
    public const string Header =
        "| loss | RTT | echo p50/p95/p99, packet mode | echo p50/p95/p99, `loss` + `rtt` | p95 ratio | "
        + "echo p50/p95/p99, `loss` without `rtt` | p95 ratio | bulk, packet mode | bulk, `loss` + `rtt` | bulk, `loss` without `rtt` | Mathis |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|";

    public string Markdown() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {Cell.LossPercent} % | {Cell.RttMs} ms | {Echo(Packet)} | {Echo(Stream)} | {Ratio(Stream)} | {Echo(Legacy)} | {Ratio(Legacy)} | "
                + $"{Bulk(Packet)} | {Bulk(Stream)} | {Bulk(Legacy)} | {Cell.MathisMbps:F1} Mbit/s |"
        );

    private string Ratio(Measured? model) => Packet is null || model is null ? "-" : $"{model.Echo.P95 / Packet.Echo.P95:F2}";

    private static string Echo(Measured? m) => m is null ? "-" : $"{m.Echo.P50:F0} / {m.Echo.P95:F0} / {m.Echo.P99:F0} ms";

    private static string Bulk(Measured? m) => m is null ? "-" : $"{m.BulkMbps:F1} Mbit/s";
}

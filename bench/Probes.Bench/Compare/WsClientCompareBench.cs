using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Harness.Probes.Bench.Infra;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench.Compare;

/// <summary>
/// ws-client-compare: the WebSocket probe ("ours") against bare Websocket.Client 5.5.1 ("theirs"), side by side.
/// Each round runs one in a fresh child process (so memory is its own) with N clients in room 1 of a fresh LiveRoom,
/// rounds interleaved (ours, theirs, theirs, ours, ...); prints each round and the medians. It decided the switch
/// (issue 14); since then the probe's connections are Websocket.Client's too, so it measures the probe's overhead.
/// </summary>
internal static class WsClientCompareBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.Int("rounds", 2);
        var passOn = new[] { "clients", "fps", "window", "ramp" }
            .Where(n => args.Value(n) is not null)
            .SelectMany(n => new[] { "--" + n, args.Value(n)! })
            .ToArray();
        Console.WriteLine(
            $"ws-client-compare: {rounds} round(s) per client, interleaved; {string.Join(' ', passOn)}; load {Machine.Load()}"
        );
        var results = new List<RoundResult>();
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? new[] { "ours", "theirs" } : ["theirs", "ours"];
            foreach (var client in order)
            {
                var result = await RunChildAsync(client, passOn).ConfigureAwait(false);
                results.Add(result);
                Console.WriteLine($"round {round + 1} {client}: {result}");
            }
        }
        foreach (var group in results.GroupBy(r => r.Client))
        {
            Console.WriteLine(
                $"median {group.Key}: heap/client {F(Median(group.Select(r => r.HeapPerClientKib)), "0.0")} KiB, "
                    + $"RSS/client {F(Median(group.Select(r => r.RssPerClientKib)), "0.0")} KiB, "
                    + $"received/expected {F(Median(group.Select(r => r.ReceivedRatio)), "0.0000")}, "
                    + $"mismatched clients {F(Median(group.Select(r => (double)r.Mismatched)), "0")}, "
                    + $"delay p50 {F(Median(group.Select(r => r.DelayP50)), "0.0")} ms, "
                    + $"p99 {F(Median(group.Select(r => r.DelayP99)), "0.0")} ms"
            );
        }
        Console.WriteLine($"load after: {Machine.Load()}");
        return 0;
    }

    private static async Task<RoundResult> RunChildAsync(string client, string[] passOn)
    {
        var self = typeof(WsClientCompareBench).Assembly.Location;
        using var child = ChildProcess.Start("dotnet", [self, "ws-client-one", "--client", client, .. passOn]);
        var json = await child.WaitForLineAsync("result: ", TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        return JsonSerializer.Deserialize<RoundResult>(json)!;
    }

    /// <summary>
    /// One round, in this (child) process. The result line is printed only after the clients and LiveRoom are stopped:
    /// the parent kills this process once it has read it.
    /// </summary>
    public static async Task<int> RunOneAsync(BenchArgs args)
    {
        var result = await MeasureAsync(args).ConfigureAwait(false);
        Console.WriteLine("result: " + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<RoundResult> MeasureAsync(BenchArgs args)
    {
        var clients = args.Int("clients", 10_000);
        var fps = args.Int("fps", 5);
        var window = TimeSpan.FromSeconds(args.Int("window", 20));
        var ramp = TimeSpan.FromSeconds(args.Int("ramp", 20));
        var kind = args.Value("client") ?? "ours";
        var loadBefore = Machine.Load();
        using var room = await LiveRoomProcess.StartAsync(fps).ConfigureAwait(false);
        GC.Collect();
        var (heapBefore, rssBefore) = (GC.GetTotalMemory(true), Machine.Rss());
        await using ICrowd crowd = kind == "theirs" ? new TheirCrowd() : new OurCrowd();
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var roomUri = new Uri($"ws://{room.BaseUri.Authority}/ws/room/1");
        await crowd.StartAsync(roomUri, clients, ramp, stop.Token).ConfigureAwait(false);
        while (crowd.Connected < clients && Stopwatch.GetElapsedTime(started) < ramp + TimeSpan.FromSeconds(120))
        {
            await Task.Delay(500).ConfigureAwait(false);
        }
        var connectAll = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        var quiet = TimeSpan.FromMilliseconds(Math.Min(80, 500.0 / fps));
        var first = await SnapshotAsync(room, crowd, quiet).ConfigureAwait(false);
        var delaysBefore = crowd.Delays();
        var errorsBefore = crowd.Errors();
        await Task.Delay(window).ConfigureAwait(false);
        var second = await SnapshotAsync(room, crowd, quiet).ConfigureAwait(false);
        GC.Collect();
        var (heap, rss) = (GC.GetTotalMemory(true), Machine.Rss());
        var expected = second.LastSeq - first.LastSeq;
        // Per connected client (on a saturated box not every client may connect): those that received anything.
        var connected = crowd.Connected;
        var deltas = first
            .Counts.Zip(second.Counts, (a, b) => (Before: a, Delta: b - a))
            .Where(c => c.Before > 0)
            .Select(c => c.Delta)
            .ToArray();
        var delays = crowd.Delays();
        var errors = crowd.Errors();
        await stop.CancelAsync().ConfigureAwait(false);
        var result = new RoundResult(
            kind,
            clients,
            connected,
            connectAll,
            loadBefore,
            Machine.Load(),
            (heap - heapBefore) / 1024.0 / connected,
            (rss - rssBefore) / 1024.0 / connected,
            heap / 1048576.0,
            rss / 1048576.0,
            expected,
            deltas.Sum() / (double)(expected * deltas.Length),
            deltas.Count(d => d != expected),
            errors.Lost - errorsBefore.Lost,
            errors.Duplicated - errorsBefore.Duplicated,
            errors.Reordered - errorsBefore.Reordered,
            errors.Disconnects - errorsBefore.Disconnects,
            delays.Percentile(50),
            delays.Percentile(99),
            delays.Count - delaysBefore.Count
        );
        return result;
    }

    // Between two room ticks, once every frame of the last tick has arrived (see QuiescentSnapshot).
    private static async Task<(long LastSeq, long[] Counts)> SnapshotAsync(LiveRoomProcess room, ICrowd crowd, TimeSpan quiet)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var (_, before) = await room.RoomAsync("1").ConfigureAwait(false);
            var readAt = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(Math.Max(readAt, crowd.LastReceived)) < quiet)
                await Task.Delay(2).ConfigureAwait(false);
            var counts = crowd.Counts();
            var (_, after) = await room.RoomAsync("1").ConfigureAwait(false);
            if (before == after && crowd.Counts().Sum() == counts.Sum())
                return (before, counts);
        }
        throw new InvalidOperationException("no quiet moment between ticks (lower --fps)");
    }
}

/// <summary>One round's figures; memory per client is the growth over the process before any client started.</summary>
internal sealed record RoundResult(
    string Client,
    int Clients,
    long Connected,
    double ConnectAllSeconds,
    string LoadBefore,
    string LoadAfter,
    double HeapPerClientKib,
    double RssPerClientKib,
    double HeapMib,
    double RssMib,
    long FramesSent,
    double ReceivedRatio,
    int Mismatched,
    long Lost,
    long Duplicated,
    long Reordered,
    long Disconnects,
    double DelayP50,
    double DelayP99,
    long DelaySamples
)
{
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"connected {Connected}/{Clients} in {ConnectAllSeconds:0.0} s; heap {HeapMib:0} MiB ({HeapPerClientKib:0.0} KiB/client), "
                + $"RSS {RssMib:0} MiB ({RssPerClientKib:0.0} KiB/client); "
                + $"window: {FramesSent} frames sent, received/expected {ReceivedRatio:0.0000}, "
                + $"mismatched clients {Mismatched}, lost {Lost}, dup {Duplicated}, reordered {Reordered}, disconnects {Disconnects}; "
                + $"delay p50 {DelayP50:0.0} ms p99 {DelayP99:0.0} ms (n={DelaySamples}); load {LoadBefore} -> {LoadAfter}"
        );
}

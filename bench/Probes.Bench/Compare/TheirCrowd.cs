using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Harness.Probes.Abstractions;
using Websocket.Client;

namespace Harness.Probes.Bench.Compare;

/// <summary>
/// Websocket.Client 5.5.1: N <see cref="WebsocketClient"/>s (its reconnection on, its no-message timeout off, as a
/// probe would configure it), each reading <c>seq</c> and <c>ts</c> of every frame as our stream check does.
/// </summary>
internal sealed class TheirCrowd : ICrowd
{
    private readonly List<WebsocketClient> _clients = [];
    private readonly LogLinearHistogram _delays = new();
    private readonly object _gate = new();
    private long[] _counts = [];
    private long[] _lastSeq = [];
    private long _connected;
    private long _lastReceived;
    private long _lost;
    private long _duplicated;
    private long _reordered;
    private long _disconnects;

    public string Name => "Websocket.Client 5.5.1";

    public long Connected => Interlocked.Read(ref _connected);

    public long LastReceived => Interlocked.Read(ref _lastReceived);

    public long[] Counts() => [.. _counts.Select(c => Interlocked.Read(ref c))];

    public LogLinearHistogram Delays()
    {
        var copy = new LogLinearHistogram();
        lock (_gate)
            copy.Merge(_delays);
        return copy;
    }

    public (long Lost, long Duplicated, long Reordered, long Disconnects) Errors() =>
        (
            Interlocked.Read(ref _lost),
            Interlocked.Read(ref _duplicated),
            Interlocked.Read(ref _reordered),
            Interlocked.Read(ref _disconnects)
        );

    public async Task StartAsync(Uri room, int clients, TimeSpan ramp, CancellationToken stop)
    {
        _counts = new long[clients];
        _lastSeq = Enumerable.Repeat(-1L, clients).ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < clients; i++)
        {
            // The same even ramp as our probe's: client i starts at i/N of the ramp.
            var due = ramp * ((double)i / clients);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, stop).ConfigureAwait(false);
            var index = i;
            var client = new WebsocketClient(room) { ReconnectTimeout = null, ErrorReconnectTimeout = TimeSpan.FromSeconds(1) };
            client.MessageReceived.Subscribe(m => OnMessage(index, m));
            client.DisconnectionHappened.Subscribe(_ => Interlocked.Increment(ref _disconnects));
            _clients.Add(client);
            _ = ConnectAsync(client);
        }
    }

    private async Task ConnectAsync(WebsocketClient client)
    {
        try
        {
            await client.StartOrFail().ConfigureAwait(false);
            Interlocked.Increment(ref _connected);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.WriteLine($"  connect failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void OnMessage(int index, ResponseMessage message)
    {
        var (seq, ts) = Read(message);
        if (seq is null)
            return;
        Interlocked.Increment(ref _counts[index]);
        Interlocked.Exchange(ref _lastReceived, Stopwatch.GetTimestamp());
        var last = _lastSeq[index];
        if (last >= 0 && seq > last + 1)
            Interlocked.Add(ref _lost, seq.Value - last - 1);
        else if (last >= 0 && seq == last)
            Interlocked.Increment(ref _duplicated);
        else if (last >= 0 && seq < last)
            Interlocked.Increment(ref _reordered);
        if (seq > last)
            _lastSeq[index] = seq.Value;
        if (ts is { } sent)
        {
            lock (_gate)
                _delays.Record(Math.Max(0, UnixMilliseconds() - sent));
        }
    }

    private static double UnixMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static (long? Seq, double? Ts) Read(ResponseMessage message)
    {
        ReadOnlySpan<byte> bytes = message.Binary ?? Encoding.UTF8.GetBytes(message.Text ?? string.Empty);
        var reader = new Utf8JsonReader(bytes);
        (long? seq, double? ts) = (null, null);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                continue;
            var isSeq = reader.ValueTextEquals("seq"u8);
            var isTs = reader.ValueTextEquals("ts"u8);
            if (!reader.Read())
                break;
            if (isSeq && reader.TokenType == JsonTokenType.Number)
                seq = reader.GetInt64();
            else if (isTs && reader.TokenType == JsonTokenType.Number)
                ts = reader.GetDouble();
            if (seq is not null && ts is not null)
                break;
        }
        return (seq, ts);
    }

    public async ValueTask DisposeAsync()
    {
        var stopping = _clients.Select(c => c.Stop(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done"));
        await Task.WhenAll(stopping).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        foreach (var client in _clients)
            client.Dispose();
    }
}

using System.Text;

namespace Harness.Probes.WebSockets;

/// <summary>
/// What a <see cref="WebSocketProbe"/> counted beyond samples: per client, the messages it received, lost,
/// got twice or out of order, and its disconnects and reconnects (samples are per probe, so only here does the
/// spread across clients survive); and the first stream messages that could not be read as the stream check
/// expects. Payloads are kept verbatim (cut to a bounded length): encode them before showing them. Safe to read while running.
/// </summary>
public sealed class WebSocketProbeReport
{
    private readonly WebSocketClientTally[] _clients;
    private readonly Lock _lock = new();
    private readonly List<string> _unreadExamples = [];
    private long _unread;

    internal WebSocketProbeReport(int clients) =>
        _clients = Enumerable.Range(0, clients).Select(i => new WebSocketClientTally(i)).ToArray();

    /// <summary>Each client's totals, by client index.</summary>
    public IReadOnlyList<WebSocketClientCounts> Clients => _clients.Select(c => c.Snapshot()).ToArray();

    /// <summary>Text messages the stream check could not read (not JSON, or no integer at the sequence path).</summary>
    public long UnreadMessages => Interlocked.Read(ref _unread);

    /// <summary>
    /// The first <see cref="WebSocketProbeDefaults.UnreadExamplesKept"/> of those messages, each cut to <see
    /// cref="WebSocketProbeDefaults.UnreadExampleChars"/> characters.
    /// </summary>
    public IReadOnlyList<string> UnreadExamples
    {
        get
        {
            lock (_lock)
                return [.. _unreadExamples];
        }
    }

    internal WebSocketClientTally Client(int index) => _clients[index];

    internal void Unread(ReadOnlySpan<byte> message)
    {
        if (Interlocked.Increment(ref _unread) > WebSocketProbeDefaults.UnreadExamplesKept)
            return;
        var text = Encoding.UTF8.GetString(
            message.Length > WebSocketProbeDefaults.UnreadExampleChars * 4
                ? message[..(WebSocketProbeDefaults.UnreadExampleChars * 4)]
                : message
        );
        if (text.Length > WebSocketProbeDefaults.UnreadExampleChars)
            text = text[..WebSocketProbeDefaults.UnreadExampleChars];
        lock (_lock)
            _unreadExamples.Add(text);
    }
}

/// <summary>One client's totals over the run.</summary>
public sealed record WebSocketClientCounts(
    int Client,
    long Received,
    long Lost,
    long Duplicated,
    long Reordered,
    long Disconnects,
    long Reconnects
);

/// <summary>One client's running totals; written by the client's own tasks, read by the report at any time.</summary>
internal sealed class WebSocketClientTally(int client)
{
    private long _received,
        _lost,
        _duplicated,
        _reordered,
        _disconnects,
        _reconnects;

    public void Received() => Interlocked.Increment(ref _received);

    public void Lost(long count) => Interlocked.Add(ref _lost, count);

    public void Duplicated() => Interlocked.Increment(ref _duplicated);

    public void Reordered() => Interlocked.Increment(ref _reordered);

    public void Disconnected() => Interlocked.Increment(ref _disconnects);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public WebSocketClientCounts Snapshot() =>
        new(
            client,
            Interlocked.Read(ref _received),
            Interlocked.Read(ref _lost),
            Interlocked.Read(ref _duplicated),
            Interlocked.Read(ref _reordered),
            Interlocked.Read(ref _disconnects),
            Interlocked.Read(ref _reconnects)
        );
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Harness.Probes.Abstractions;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Makes unique echo payloads and matches replies to them by content, so a reply is timed against its own
/// send even when replies are lost or come back out of order. Thread-safe: sends and receives run concurrently.
/// </summary>
internal sealed class EchoTracker(int client, int payloadBytes)
{
    private static readonly byte[] Prefix = "echo:"u8.ToArray();
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Sent, SampleTags Tags)> _pending = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _counter;

    /// <summary>A new payload, remembered with the timestamp and tags (phase) of its send.</summary>
    public byte[] Next(long sentTimestamp, SampleTags tags)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"echo:{client}:{Interlocked.Increment(ref _counter)}:");
        if (text.Length < payloadBytes) text = text.PadRight(payloadBytes, '.');
        lock (_gate)
        {
            _pending[text] = (sentTimestamp, tags);
            _order.Enqueue(text);
            while (_order.Count > WebSocketProbeDefaults.MaxPendingEchoes) _pending.Remove(_order.Dequeue());
        }
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>True when the message is one of our pending payloads; gives the timestamp and tags of its send.</summary>
    public bool TryComplete(ReadOnlySpan<byte> message, out long sentTimestamp, [NotNullWhen(true)] out SampleTags? tags)
    {
        (sentTimestamp, tags) = (0, null);
        if (!message.StartsWith(Prefix)) return false;
        var text = Encoding.UTF8.GetString(message);
        lock (_gate)
        {
            if (!_pending.Remove(text, out var pending)) return false;
            (sentTimestamp, tags) = pending;
            return true;
        }
    }
}

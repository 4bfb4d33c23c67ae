using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>Pulls the sequence number and send timestamp out of a JSON message by their paths, without building a document.</summary>
internal sealed class StreamFieldReader(WebSocketStreamCheck check)
{
    private readonly JsonPath _sequence = new(check.SequenceField);
    private readonly JsonPath? _timestamp = check.TimestampField is null ? null : new JsonPath(check.TimestampField);

    /// <returns>False when the message is not JSON with an integer at the sequence path.</returns>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, out long sequence, out double? timestampMs)
    {
        timestampMs = null;
        if (!_sequence.TryReadInt64(utf8Json, out sequence))
            return false;
        if (_timestamp is not null && _timestamp.TryReadDouble(utf8Json, out var ts))
            timestampMs = ts;
        return true;
    }
}

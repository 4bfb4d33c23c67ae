using System.Text;
using System.Text.Json;

namespace Harness.Probes.WebSockets;

/// <summary>Pulls the sequence number and send timestamp out of a JSON message without building a document.</summary>
internal sealed class StreamFieldReader(WebSocketStreamCheck check)
{
    private readonly byte[] _sequence = Encoding.UTF8.GetBytes(check.SequenceField);
    private readonly byte[]? _timestamp = check.TimestampField is null ? null : Encoding.UTF8.GetBytes(check.TimestampField);

    /// <returns>False when the message is not a JSON object with an integer sequence field.</returns>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, out long sequence, out double? timestampMs)
    {
        sequence = 0;
        timestampMs = null;
        var found = false;
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSequence = reader.ValueTextEquals(_sequence);
                var isTimestamp = _timestamp is not null && reader.ValueTextEquals(_timestamp);
                reader.Read();
                if (isSequence && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seq))
                    (sequence, found) = (seq, true);
                else if (isTimestamp && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var ts))
                    timestampMs = ts;
                else
                    reader.Skip();
            }
            return found;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

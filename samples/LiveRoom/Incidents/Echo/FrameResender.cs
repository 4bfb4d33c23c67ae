using System.Buffers;
using System.Text.Json;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Echo;

/// <summary>
/// Turns a client's <c>{"type":"resend","seq":N,"ts":T}</c> into the second copy of frame N (same seq and ts,
/// <c>"resent":true</c>).
/// </summary>
internal sealed class FrameResender(string room, FrameEncoder encoder)
{
    /// <returns>The copy to send, or null when the message is not a well-formed resend request.</returns>
    public ReadOnlyMemory<byte>? Answer(ReadOnlySpan<byte> request)
    {
        long seq;
        double ts;
        try
        {
            using var doc = JsonDocument.Parse(request.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || !type.ValueEquals("resend"))
                return null;
            if (!root.TryGetProperty("seq", out var s) || !s.TryGetInt64(out seq) || seq < 1)
                return null;
            if (!root.TryGetProperty("ts", out var t) || !t.TryGetDouble(out ts))
                return null;
        }
        catch (JsonException)
        {
            return null;
        }
        var frame = encoder.Encode(room, seq, DateTimeOffset.UnixEpoch.AddTicks((long)(ts * TimeSpan.TicksPerMillisecond)));
        // The frame's JSON object with "resent":true added before its closing brace.
        var buffer = new ArrayBufferWriter<byte>(frame.Length + 16);
        buffer.Write(frame.Span[..^1]);
        buffer.Write(",\"resent\":true}"u8);
        return buffer.WrittenMemory;
    }
}

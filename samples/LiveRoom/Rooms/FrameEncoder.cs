using System.Buffers;
using System.Text.Json;

namespace LiveRoom.Rooms;

/// <summary>
/// Encodes one room frame as UTF-8 JSON:
/// <c>{"type":"frame","room":"1","seq":42,"ts":1767225600123.456,"payload":"..."}</c>.
/// A frame is encoded once per tick and the same bytes go to every member.
/// </summary>
internal sealed class FrameEncoder(string payloadBase64)
{
    public static FrameEncoder Create(int payloadBytes)
    {
        // A fixed, recognisable pattern: the content does not matter, only its size on the wire.
        var payload = new byte[payloadBytes];
        for (var i = 0; i < payload.Length; i++)
            payload[i] = (byte)(i * 31 + 7);
        return new FrameEncoder(Convert.ToBase64String(payload));
    }

    public ReadOnlyMemory<byte> Encode(string room, long seq, DateTimeOffset sentAt)
    {
        var buffer = new ArrayBufferWriter<byte>(payloadBase64.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "frame");
            writer.WriteString("room", room);
            writer.WriteNumber("seq", seq);
            writer.WriteNumber("ts", ToUnixMilliseconds(sentAt));
            writer.WriteString("payload", payloadBase64);
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    // Keeps the sub-millisecond fraction that DateTimeOffset.ToUnixTimeMilliseconds would truncate.
    public static double ToUnixMilliseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
}

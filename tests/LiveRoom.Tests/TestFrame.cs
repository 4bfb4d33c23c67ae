using System.Text.Json;

namespace LiveRoom.Tests;

/// <summary>A room frame as a test reads it off the wire.</summary>
internal sealed record TestFrame(string Type, string Room, long Seq, double Ts, string Payload)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TestFrame Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<TestFrame>(utf8, Json) ?? throw new FormatException("null frame");
}

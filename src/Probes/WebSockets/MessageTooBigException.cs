using System.Globalization;

namespace Harness.Probes.WebSockets;

/// <summary>
/// A received message grew past the probe's limit; the connection was closed with 1009 (message too big). An
/// <see cref="IOException"/>, as a failed receive is (WebSocketException is sealed).
/// </summary>
internal sealed class MessageTooBigException(int limit)
    : IOException($"message too big: over {limit.ToString(CultureInfo.InvariantCulture)} bytes")
{
    /// <summary>The limit the message went over, in bytes.</summary>
    public int Limit { get; } = limit;
}

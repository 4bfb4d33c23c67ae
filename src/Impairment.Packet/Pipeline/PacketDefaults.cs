namespace Harness.Impairment.Packet.Pipeline;

/// <summary>Defaults of packet mode, named once.</summary>
public static class PacketDefaults
{
    /// <summary>Packets the rate limiter holds before it drops (like a 1000-packet txqueuelen).</summary>
    public const int QueueLimit = 1000;

    /// <summary>IPv4's minimum MTU.</summary>
    public const int MinimumMtu = 576;

    public const int MaximumMtu = 65535;

    /// <summary>The link MTU when the scenario names none: Ethernet's.</summary>
    public const int LinkMtu = 1500;
}

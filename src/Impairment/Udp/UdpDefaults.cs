namespace Harness.Impairment.Udp;

/// <summary>Named constants of UDP proxying.</summary>
internal static class UdpDefaults
{
    /// <summary>A client session (its upstream socket) is closed after this long without a datagram either way.</summary>
    public static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The largest UDP payload; every receive buffer has this size so nothing is truncated.</summary>
    public const int MaxDatagramSize = 65535;

    /// <summary>Kernel buffer asked for on every socket, so bursts are not dropped before the toxics decide.</summary>
    public const int SocketBufferSize = 4 * 1024 * 1024;
}

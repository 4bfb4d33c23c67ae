namespace Harness.Impairment.Packet.Namespaces;

/// <summary>Whether this process can build a packet network: root or CAP_NET_ADMIN + CAP_SYS_ADMIN, a TUN device, iproute2.</summary>
public static class PacketPrivileges
{
    private const int NetAdmin = 12;
    private const int SysAdmin = 21;

    /// <summary>Null when packet mode can work here, else why not.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux())
            return "packet mode needs Linux (network namespaces and TUN devices)";
        var caps = EffectiveCapabilities();
        if (caps is null || !Has(caps.Value, NetAdmin) || !Has(caps.Value, SysAdmin))
        {
            return "packet mode needs root or the CAP_NET_ADMIN and CAP_SYS_ADMIN capabilities (network namespaces, TUN devices); "
                + "this process has neither. Run as root, or use the TCP-level alternative: the stream toxics `loss` and "
                + "`latency` on a proxy (leave out network.mode: packet)";
        }
        if (!File.Exists("/dev/net/tun"))
            return "packet mode needs /dev/net/tun, which this machine lacks";
        if (!OnPath("ip"))
            return "packet mode needs iproute2's 'ip' command, which is not on PATH";
        return null;
    }

    private static bool Has(ulong caps, int bit) => (caps & (1UL << bit)) != 0;

    private static ulong? EffectiveCapabilities()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("CapEff:", StringComparison.Ordinal))
                continue;
            var hex = line["CapEff:".Length..].Trim();
            return ulong.Parse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}

using System.Diagnostics;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>Runs iproute2's <c>ip</c>; a failure becomes an exception quoting the command and its error.</summary>
internal static class IpTool
{
    public static string Run(params string[] arguments)
    {
        var (code, output, error) = TryRun(arguments);
        if (code != 0)
            throw new PacketNetworkException($"'ip {string.Join(' ', arguments)}' failed ({code}): {error.Trim()}");
        return output;
    }

    public static (int Code, string Output, string Error) TryRun(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new PacketNetworkException("cannot start 'ip'");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Gives <paramref name="device"/> in namespace <paramref name="ns"/> its end of a point-to-point pair, its MTU, and
    /// no IPv6 (so the link carries none of the kernel's IPv6 housekeeping), and brings it up.
    /// </summary>
    public static void ConfigurePointToPoint(string ns, string device, System.Net.IPAddress local, System.Net.IPAddress peer, string mtu)
    {
        TryRun("netns", "exec", ns, "sh", "-c", $"echo 1 > /proc/sys/net/ipv6/conf/{device}/disable_ipv6");
        Run("-n", ns, "addr", "add", local.ToString(), "peer", peer.ToString(), "dev", device);
        Run("-n", ns, "link", "set", device, "mtu", mtu, "up");
    }
}

using Harness.Impairment.Packet.Forwarding;
using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// One link between the harness's namespace and the server namespace: a TUN device on the harness's side
/// (<see cref="AddressPlan.Host"/>), one moved into the server namespace (<see cref="AddressPlan.Inner"/>, the address a
/// service reached across this link listens on), and a pipeline per direction with its own random draws and counters.
/// </summary>
public sealed class HarnessLink : IDisposable
{
    private readonly PacketLink _link;
    private readonly TunDevice _host;
    private readonly TunDevice _inner;
    private int _disposed;

    private HarnessLink(int index, AddressPlan addresses, TunDevice host, TunDevice inner, PacketLink link)
    {
        Index = index;
        Addresses = addresses;
        _host = host;
        _inner = inner;
        _link = link;
    }

    /// <summary>0 for the first link (device names without a number), N for the others.</summary>
    public int Index { get; }

    public AddressPlan Addresses { get; }

    public string HostDevice => _host.Name;

    public string InnerDevice => _inner.Name;

    /// <summary>Packets from the harness side into the namespace (requests to a service).</summary>
    public PacketPipeline Upstream => _link.Upstream;

    /// <summary>Packets from the namespace back to the harness side (responses).</summary>
    public PacketPipeline Downstream => _link.Downstream;

    /// <summary>Packets the kernel refused when the forwarder wrote them (lost, as on a wire).</summary>
    public long WriteFailures => _link.WriteFailures;

    /// <summary>Resets every TCP connection crossing this link (RSTs to both ends); returns how many.</summary>
    public int ResetConnections() => _link.ResetConnections();

    /// <summary>
    /// The seed of link <paramref name="index"/>'s upstream direction: the run's own for the first link (as a run with one link
    /// always had), for the others one derived from it and the index, apart from each other and from the client link's.
    /// </summary>
    public static int SeedOf(int runSeed, int index) =>
        index == 0 ? runSeed : unchecked(((runSeed * 1_000_033) + (index * 0x3b9aca07)) ^ 0x7a11);

    /// <summary>Builds link <paramref name="index"/>; every step taken is pushed on <paramref name="undo"/>.</summary>
    internal static HarnessLink Build(
        PacketNetworkOptions options,
        PacketNames names,
        int index,
        IReadOnlyCollection<AddressPlan> taken,
        Stack<Action> undo
    )
    {
        var addresses = AddressPlan.Choose(names.Id, taken);
        var host = TunDevice.Create(names.HostDeviceOf(index));
        undo.Push(host.Dispose);
        var inner = TunDevice.Create(names.InnerDeviceOf(index));
        undo.Push(inner.Dispose);
        IpTool.Run("link", "set", inner.Name, "netns", names.Namespace);
        var mtu = options.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture);
        DisableIpv6($"/proc/sys/net/ipv6/conf/{host.Name}/disable_ipv6");
        IpTool.Run("addr", "add", addresses.Host.ToString(), "peer", addresses.Inner.ToString(), "dev", host.Name);
        IpTool.Run("link", "set", host.Name, "mtu", mtu, "up");
        IpTool.ConfigurePointToPoint(names.Namespace, inner.Name, addresses.Inner, addresses.Host, mtu);
        var link = new PacketLink(host, inner, SeedOf(options.Seed, index), options.Time);
        link.Start();
        var built = new HarnessLink(index, addresses, host, inner, link);
        undo.Push(built.Dispose);
        return built;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _link.Dispose();
        _inner.Dispose();
        _host.Dispose();
    }

    private static void DisableIpv6(string path)
    {
        try
        {
            File.WriteAllText(path, "1");
        }
        catch (IOException)
        {
            // No IPv6 in this kernel: nothing to silence.
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only /proc/sys: the link then carries the kernel's few IPv6 housekeeping packets too.
        }
    }
}

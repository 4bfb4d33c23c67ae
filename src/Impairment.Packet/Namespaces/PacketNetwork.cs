using System.Globalization;
using Harness.Impairment.Packet.Forwarding;
using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// One run's packet network: a namespace (<c>hp-ID-s</c>) joined to the harness's own namespace by two TUN
/// devices whose packets this process forwards through a <see cref="PacketPipeline"/> per direction; optionally a client
/// namespace (<c>hp-ID-c</c>) joined to the server namespace by a second such link (<see cref="Client"/>).
/// Disposing removes everything; so does the process ending (ProcessExit); after SIGKILL the TUN devices
/// vanish with the process and the next run's <see cref="LeftoverSweep"/> removes the namespace.
/// </summary>
public sealed class PacketNetwork : IDisposable
{
    private readonly PacketLink _link;
    private readonly TunDevice _host;
    private readonly TunDevice _inner;
    private readonly string _ownerFile;
    private int _disposed;

    private PacketNetwork(
        PacketNames names,
        AddressPlan addresses,
        TunDevice host,
        TunDevice inner,
        PacketLink link,
        string ownerFile,
        ClientLink? client
    )
    {
        Client = client;
        Names = names;
        Addresses = addresses;
        _host = host;
        _inner = inner;
        _link = link;
        _ownerFile = ownerFile;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public PacketNames Names { get; }

    /// <summary>Namespaces of dead runs this run's start removed.</summary>
    public IReadOnlyList<string> Swept { get; private set; } = [];

    public AddressPlan Addresses { get; }

    /// <summary>The client namespace and its link when <see cref="PacketNetworkOptions.ClientNamespace"/> asked for one.</summary>
    public ClientLink? Client { get; }

    /// <summary>Packets from the harness side into the namespace (requests to a service).</summary>
    public PacketPipeline Upstream => _link.Upstream;

    /// <summary>Packets from the namespace back to the harness side (responses).</summary>
    public PacketPipeline Downstream => _link.Downstream;

    /// <summary>Packets the kernel refused when the forwarder wrote them (lost, as on a wire).</summary>
    public long WriteFailures => _link.WriteFailures;

    /// <summary>
    /// Resets every TCP connection crossing the harness's link and the client namespace's (if any): each end gets RST
    /// segments as from a middlebox on the link, so both kernels see the connection reset. Returns the connections reset.
    /// </summary>
    public int ResetConnections() => _link.ResetConnections() + (Client?.ResetConnections() ?? 0);

    /// <summary>Builds the network; throws <see cref="PacketModeUnavailableException"/> when this process may not.</summary>
    public static PacketNetwork Create(PacketNetworkOptions options)
    {
        if (options.CheckPrivileges() is { } why)
            throw new PacketModeUnavailableException(why);
        Directory.CreateDirectory(options.StateDirectory);
        var swept = LeftoverSweep.Run(options.StateDirectory);
        var names = PacketNames.NewRun();
        var ownerFile = Path.Combine(options.StateDirectory, names.OwnerFile);
        File.WriteAllText(ownerFile, RunOwner.Current.ToString());
        var undo = new Stack<Action>();
        undo.Push(() => File.Delete(ownerFile));
        try
        {
            var network = Build(options, names, ownerFile, undo);
            network.Swept = swept;
            return network;
        }
        catch
        {
            while (undo.TryPop(out var step))
                step();
            throw;
        }
    }

    /// <summary><c>ip netns exec NS</c> before the command: runs it inside the namespace.</summary>
    public IReadOnlyList<string> InsideNamespace(IReadOnlyList<string> command) => ["ip", "netns", "exec", Names.Namespace, .. command];

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Client?.Dispose();
        _link.Dispose();
        _inner.Dispose();
        _host.Dispose();
        IpTool.TryRun("netns", "delete", Names.Namespace);
        File.Delete(_ownerFile);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static PacketNetwork Build(PacketNetworkOptions options, PacketNames names, string ownerFile, Stack<Action> undo)
    {
        var addresses = AddressPlan.Choose(names.Id);
        IpTool.Run("netns", "add", names.Namespace);
        undo.Push(() => IpTool.TryRun("netns", "delete", names.Namespace));
        IpTool.Run("-n", names.Namespace, "link", "set", "lo", "up");
        var host = TunDevice.Create(names.HostDevice);
        undo.Push(host.Dispose);
        var inner = TunDevice.Create(names.InnerDevice);
        undo.Push(inner.Dispose);
        IpTool.Run("link", "set", names.InnerDevice, "netns", names.Namespace);
        var mtu = options.Mtu.ToString(CultureInfo.InvariantCulture);
        DisableIpv6($"/proc/sys/net/ipv6/conf/{names.HostDevice}/disable_ipv6");
        IpTool.TryRun("netns", "exec", names.Namespace, "sh", "-c", $"echo 1 > /proc/sys/net/ipv6/conf/{names.InnerDevice}/disable_ipv6");
        IpTool.Run("addr", "add", addresses.Host.ToString(), "peer", addresses.Inner.ToString(), "dev", names.HostDevice);
        IpTool.Run("link", "set", names.HostDevice, "mtu", mtu, "up");
        IpTool.Run(
            "-n",
            names.Namespace,
            "addr",
            "add",
            addresses.Inner.ToString(),
            "peer",
            addresses.Host.ToString(),
            "dev",
            names.InnerDevice
        );
        IpTool.Run("-n", names.Namespace, "link", "set", names.InnerDevice, "mtu", mtu, "up");
        var client = options.ClientNamespace ? ClientLink.Build(options, names, addresses, undo) : null;
        if (client is not null)
            undo.Push(client.Dispose);
        var link = new PacketLink(host, inner, options.Seed, options.Time);
        link.Start();
        return new PacketNetwork(names, addresses, host, inner, link, ownerFile, client);
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

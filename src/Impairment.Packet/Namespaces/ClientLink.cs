using System.Globalization;
using Harness.Impairment.Packet.Forwarding;
using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// The client namespace <c>hp-ID-c</c> and its own link into the server namespace: TUN devices <c>hpIDc</c> (moved into the
/// client namespace) and <c>hpIDt</c> (moved into the server namespace), forwarded by this process through a pipeline per
/// direction like the harness's link. Its addresses are a second /30 of 198.18.0.0/15; the client namespace's only route
/// beyond its loopback is to the service address across this link, so nothing in it reaches the host's interfaces.
/// </summary>
public sealed class ClientLink : IDisposable
{
    private readonly PacketLink _link;
    private readonly TunDevice _client;
    private readonly TunDevice _peer;
    private int _disposed;

    private ClientLink(string ns, AddressPlan addresses, TunDevice client, TunDevice peer, PacketLink link)
    {
        Namespace = ns;
        Addresses = addresses;
        _client = client;
        _peer = peer;
        _link = link;
    }

    public string Namespace { get; }

    /// <summary><see cref="AddressPlan.Host"/>: the client namespace's address; <see cref="AddressPlan.Inner"/>: the server's.</summary>
    public AddressPlan Addresses { get; }

    /// <summary>Packets from the client namespace towards the services.</summary>
    public PacketPipeline Upstream => _link.Upstream;

    /// <summary>Packets from the services back to the client namespace.</summary>
    public PacketPipeline Downstream => _link.Downstream;

    /// <summary>Resets every TCP connection crossing this link (RSTs to both ends); returns how many.</summary>
    public int ResetConnections() => _link.ResetConnections();

    /// <summary>The seeds of the client link's two directions derive from the run's, apart from the harness link's.</summary>
    public static int SeedOf(int runSeed) => unchecked((runSeed * 1_000_003) ^ 0x5c1e27);

    /// <summary>Builds it; every step taken is pushed on <paramref name="undo"/> so a failure later unwinds it.</summary>
    internal static ClientLink Build(
        PacketNetworkOptions options,
        PacketNames names,
        AddressPlan server,
        IReadOnlyCollection<AddressPlan> taken,
        Stack<Action> undo
    )
    {
        var addresses = AddressPlan.Choose(names.Id, taken);
        IpTool.Run("netns", "add", names.ClientNamespace);
        undo.Push(() => IpTool.TryRun("netns", "delete", names.ClientNamespace));
        IpTool.Run("-n", names.ClientNamespace, "link", "set", "lo", "up");
        var client = TunDevice.Create(names.ClientDevice);
        undo.Push(client.Dispose);
        var peer = TunDevice.Create(names.ClientPeerDevice);
        undo.Push(peer.Dispose);
        IpTool.Run("link", "set", names.ClientDevice, "netns", names.ClientNamespace);
        IpTool.Run("link", "set", names.ClientPeerDevice, "netns", names.Namespace);
        var mtu = options.Mtu.ToString(CultureInfo.InvariantCulture);
        IpTool.ConfigurePointToPoint(names.ClientNamespace, names.ClientDevice, addresses.Host, addresses.Inner, mtu);
        IpTool.ConfigurePointToPoint(names.Namespace, names.ClientPeerDevice, addresses.Inner, addresses.Host, mtu);
        // The services listen on the server namespace's address of the harness link: the client reaches it across its own link.
        IpTool.Run("-n", names.ClientNamespace, "route", "add", $"{server.Inner}/32", "dev", names.ClientDevice);
        var link = new PacketLink(client, peer, SeedOf(options.Seed), options.Time);
        link.Start();
        return new ClientLink(names.ClientNamespace, addresses, client, peer, link);
    }

    /// <summary><c>ip netns exec hp-ID-c</c> before the command: runs it inside the client namespace.</summary>
    public IReadOnlyList<string> Inside(IReadOnlyList<string> command) => ["ip", "netns", "exec", Namespace, .. command];

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _link.Dispose();
        _peer.Dispose();
        _client.Dispose();
        IpTool.TryRun("netns", "delete", Namespace);
    }
}

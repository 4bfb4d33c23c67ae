using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// One run's packet network: a namespace (<c>hp-ID-s</c>) joined to the harness's own namespace by one or more links
/// (<see cref="Links"/>), each two TUN devices whose packets this process forwards through a <see cref="PacketPipeline"/>
/// per direction; optionally a client namespace (<c>hp-ID-c</c>) joined to the server namespace by a link of its own
/// (<see cref="Client"/>).
/// Disposing removes everything; so does the process ending (ProcessExit); after SIGKILL the TUN devices
/// vanish with the process and the next run's <see cref="LeftoverSweep"/> removes the namespace.
/// </summary>
public sealed class PacketNetwork : IDisposable
{
    private readonly string _ownerFile;
    private int _disposed;

    private PacketNetwork(PacketNames names, IReadOnlyList<HarnessLink> links, string ownerFile, ClientLink? client)
    {
        Client = client;
        Names = names;
        Links = links;
        _ownerFile = ownerFile;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public PacketNames Names { get; }

    /// <summary>Namespaces of dead runs this run's start removed.</summary>
    public IReadOnlyList<string> Swept { get; private set; } = [];

    /// <summary>The links into the server namespace (<see cref="PacketNetworkOptions.Links"/> of them), the first at index 0.</summary>
    public IReadOnlyList<HarnessLink> Links { get; }

    /// <summary>The first link's addresses.</summary>
    public AddressPlan Addresses => Links[0].Addresses;

    /// <summary>The client namespace and its link when <see cref="PacketNetworkOptions.ClientNamespace"/> asked for one.</summary>
    public ClientLink? Client { get; }

    /// <summary>The first link's packets from the harness side into the namespace (requests to a service).</summary>
    public PacketPipeline Upstream => Links[0].Upstream;

    /// <summary>The first link's packets from the namespace back to the harness side (responses).</summary>
    public PacketPipeline Downstream => Links[0].Downstream;

    /// <summary>Packets the kernel refused when the forwarder wrote them (lost, as on a wire), over every link.</summary>
    public long WriteFailures => Links.Sum(l => l.WriteFailures);

    /// <summary>
    /// Resets every TCP connection crossing link <paramref name="index"/> and the client namespace's link (if any; it
    /// exists only beside a single link): each end gets RST segments as from a middlebox on the link, so both kernels
    /// see the connection reset. Returns the connections reset.
    /// </summary>
    public int ResetConnections(int index = 0) => Links[index].ResetConnections() + (Client?.ResetConnections() ?? 0);

    /// <summary>Builds the network; throws <see cref="PacketModeUnavailableException"/> when this process may not.</summary>
    public static PacketNetwork Create(PacketNetworkOptions options)
    {
        if (options.Links is < 1 or > PacketNetworkOptions.MaxLinks)
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"links must be 1 to {PacketNetworkOptions.MaxLinks}, not {options.Links}"
            );
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
        foreach (var link in Links)
            link.Dispose();
        IpTool.TryRun("netns", "delete", Names.Namespace);
        File.Delete(_ownerFile);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static PacketNetwork Build(PacketNetworkOptions options, PacketNames names, string ownerFile, Stack<Action> undo)
    {
        IpTool.Run("netns", "add", names.Namespace);
        undo.Push(() => IpTool.TryRun("netns", "delete", names.Namespace));
        IpTool.Run("-n", names.Namespace, "link", "set", "lo", "up");
        var links = new List<HarnessLink>();
        for (var i = 0; i < options.Links; i++)
            links.Add(HarnessLink.Build(options, names, i, links.Select(l => l.Addresses).ToList(), undo));
        var taken = links.Select(l => l.Addresses).ToList();
        var client = options.ClientNamespace ? ClientLink.Build(options, names, links[0].Addresses, taken, undo) : null;
        if (client is not null)
            undo.Push(client.Dispose);
        return new PacketNetwork(names, links, ownerFile, client);
    }
}

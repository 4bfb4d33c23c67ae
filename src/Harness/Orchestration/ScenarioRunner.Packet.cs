using Harness.Impairment.Packet.Namespaces;
using Harness.Packet;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>
/// Packet mode's stage: the server namespace and its impaired link (and the client namespace with its own link when a browser
/// participant asks for it), built before the services start in it.
/// </summary>
public sealed partial class ScenarioRunner
{
    private void StartPacketNetwork(RunContext run, CleanupStack cleanups)
    {
        if (run.Scenario.Network.Mode != NetworkMode.Packet)
            return;
        var proxies = run.Scenario.Network.Proxies;
        PacketNetwork network;
        try
        {
            network = PacketNetwork.Create(
                new PacketNetworkOptions
                {
                    Seed = run.State.Seed,
                    Time = time,
                    Links = Math.Max(1, proxies.Count),
                    ClientNamespace = run.Scenario.Probes.OfType<BrowserProbeSpec>().Any(b => b.Participants.Any(p => p.ClientNamespace)),
                }
            );
        }
        catch (PacketNetworkException e)
        {
            throw new InfrastructureException(e.Message, e);
        }
        run.Packet = network;
        foreach (var swept in network.Swept)
            progress($"removed namespace {swept} (left by an earlier run that was killed)");
        cleanups.Push("remove the packet network", network.Dispose);
        var links = network.Links.Select(l => (Link: l, Proxy: l.Index < proxies.Count ? proxies[l.Index].Name : null)).ToList();
        foreach (var (link, proxy) in links)
        {
            var name = links.Count == 1 ? string.Empty : $" ({proxy})";
            progress($"packet mode: namespace {network.Names.Namespace}, link{name} {link.Addresses.Host} <-> {link.Addresses.Inner}");
        }
        if (network.Client is { } client)
        {
            progress($"packet mode: client namespace {client.Namespace}, link {client.Addresses.Host} <-> {client.Addresses.Inner}");
        }
        var tallies = links
            .Select(l => (l.Proxy, Tally: new PacketPhaseTally(l.Link, network.Names.Namespace, () => run.Clock?.Current, time)))
            .ToList();
        var clientTally = network.Client is { } c ? new PacketPhaseTally(c, () => run.Clock?.Current, time) : null;
        cleanups.Push("count the packet links", () =>
        {
            var results = tallies.Select(t => t.Tally.Result() with { Proxy = t.Proxy }).ToList();
            run.State.Packet = results[0] with { Client = clientTally?.Result(), Links = results };
            foreach (var (_, tally) in tallies)
                tally.Dispose();
            clientTally?.Dispose();
        });
    }

    /// <summary>
    /// Where a service listens in packet mode: the server-side end of the link of the proxy in front of it (the loader allows
    /// one per service), or of the first link for a service no proxy leads to.
    /// </summary>
    private static string PacketServiceAddress(RunContext run, ServiceSpec service)
    {
        var proxies = run.Scenario.Network.Proxies;
        var index = proxies.ToList().FindIndex(p => p.UpstreamService == service.Name);
        return run.Packet!.Links[Math.Max(0, index)].Addresses.Inner.ToString();
    }

    /// <summary>Packet mode's stand-in for the Toxiproxy API: each proxy is its link, its toxics that link's impairments.</summary>
    private static IToxiproxyClient PacketClient(RunContext run, string prefix)
    {
        var linkOf = run
            .Scenario.Network.Proxies.Select((p, i) => (Name: prefix + p.Name, Index: i))
            .ToDictionary(p => p.Name, p => p.Index);
        var client = new PacketLinkClient(run.Packet!, linkOf);
        run.State.Toxiproxy = ("packet", client.BaseAddress.ToString(), PacketLinkClient.Version);
        return client;
    }
}

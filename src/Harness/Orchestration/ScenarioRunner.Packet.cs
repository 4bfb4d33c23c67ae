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
        PacketNetwork network;
        try
        {
            network = PacketNetwork.Create(
                new PacketNetworkOptions
                {
                    Seed = run.State.Seed,
                    Time = time,
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
        progress($"packet mode: namespace {network.Names.Namespace}, link {network.Addresses.Host} <-> {network.Addresses.Inner}");
        if (network.Client is { } client)
        {
            progress($"packet mode: client namespace {client.Namespace}, link {client.Addresses.Host} <-> {client.Addresses.Inner}");
        }
        var tally = new PacketPhaseTally(network, () => run.Clock?.Current, time);
        var clientTally = network.Client is { } c ? new PacketPhaseTally(c, () => run.Clock?.Current, time) : null;
        cleanups.Push("count the packet link", () =>
        {
            run.State.Packet = tally.Result() with { Client = clientTally?.Result() };
            tally.Dispose();
            clientTally?.Dispose();
        });
    }

    /// <summary>Packet mode's stand-in for the Toxiproxy API: the proxy is the link, its toxics the link's impairments.</summary>
    private static IToxiproxyClient PacketClient(RunContext run)
    {
        var client = new PacketLinkClient(run.Packet!);
        run.State.Toxiproxy = ("packet", client.BaseAddress.ToString(), PacketLinkClient.Version);
        return client;
    }
}

using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Namespaces;

/// <summary>
/// The client namespace as root: its own link into the server namespace carries (and impairs) its traffic, it has no route
/// to anything else, it exists only when asked for, and it goes with the run (dispose, or the next run's sweep).
/// </summary>
[NonParallelizable]
public sealed class ClientNamespaceTests
{
    [Test, CancelAfter(120_000)]
    public async Task Udp_FromClientNamespace_CrossesItsOwnLink_DelayedAsConfigured()
    {
        RootOnly.Require();
        using var network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 1, ClientNamespace = true });
        var client = network.Client!;
        client.Upstream.Settings = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(30) };
        client.Downstream.Settings = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(20) };
        using var echo = NamespaceEntry.Run(network.Names.Namespace, () => Bound(network.Addresses.Inner));
        using var stop = new CancellationTokenSource();
        var echoing = Echo(echo, stop.Token);
        using var socket = NamespaceEntry.Run(client.Namespace, () => Bound(IPAddress.Any));
        var buffer = new byte[64];

        var rtts = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await socket.SendToAsync(new byte[64], echo.LocalEndPoint!);
            var answer = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(TimeSpan.FromSeconds(5));
            rtts.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            if (i == 0)
                Assert.That(((IPEndPoint)answer.RemoteEndPoint).Address, Is.EqualTo(network.Addresses.Inner));
        }
        await stop.CancelAsync();
        await echoing;

        rtts.Sort();
        Assert.That(rtts[rtts.Count / 2], Is.InRange(50, 56));
        Assert.That(client.Upstream.Counters.Seen, Is.GreaterThanOrEqualTo(60));
        Assert.That(client.Upstream.Counters.MeanAddedDelay.TotalMilliseconds, Is.EqualTo(30).Within(1));
        Assert.That(network.Upstream.Counters.Seen, Is.LessThan(10), "the harness's own link did not carry the client's packets");
    }

    [Test]
    public void ClientNamespace_RoutesOnlyToTheServiceAcrossItsLink()
    {
        RootOnly.Require();
        using var network = PacketNetwork.Create(new PacketNetworkOptions { ClientNamespace = true });
        var client = network.Client!;

        var routes = RootOnly.Ip("-n", client.Namespace, "-4", "route", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var links = RootOnly.Ip("-n", client.Namespace, "-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var toHarness = NamespaceEntry.Run(client.Namespace, () => ConnectError(network.Addresses.Host));

        Assert.That(routes, Has.All.Contains($"dev {network.Names.ClientDevice}"), string.Join('\n', routes));
        Assert.That(routes, Has.Some.StartsWith($"{network.Addresses.Inner} dev"));
        Assert.That(routes, Has.None.StartsWith("default"));
        Assert.That(links.Select(l => l.Split(':')[1].Trim().Split('@')[0]), Is.EquivalentTo(new[] { "lo", network.Names.ClientDevice }));
        Assert.That(toHarness, Is.EqualTo(SocketError.NetworkUnreachable), "the harness's end of its own link is out of reach");
        Assert.That(client.Addresses, Is.Not.EqualTo(network.Addresses));
    }

    [Test]
    public void Default_NoClientNamespace()
    {
        RootOnly.Require();
        using var network = PacketNetwork.Create(new PacketNetworkOptions());

        Assert.That(network.Client, Is.Null);
        Assert.That(RootOnly.NamespaceExists(network.Names.ClientNamespace), Is.False);
    }

    [Test]
    public void Dispose_RemovesBothNamespaces_AndTheSweepTakesAClientNamespaceLeftBehind()
    {
        RootOnly.Require();
        var network = PacketNetwork.Create(new PacketNetworkOptions { ClientNamespace = true });
        var names = network.Names;
        var during = (RootOnly.NamespaceExists(names.Namespace), RootOnly.NamespaceExists(names.ClientNamespace));
        network.Dispose();
        var after = (RootOnly.NamespaceExists(names.Namespace), RootOnly.NamespaceExists(names.ClientNamespace));
        var orphan = new PacketNames("0bad03");
        RootOnly.Ip("netns", "add", orphan.ClientNamespace);
        try
        {
            var removed = LeftoverSweep.Run("/run/harness-packet");

            Assert.That((during, after), Is.EqualTo(((true, true), (false, false))));
            Assert.That(removed, Does.Contain(orphan.ClientNamespace));
            Assert.That(RootOnly.NamespaceExists(orphan.ClientNamespace), Is.False);
        }
        finally
        {
            RootOnly.Ip("netns", "delete", orphan.ClientNamespace);
        }
    }

    private static Socket Bound(IPAddress address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }

    private static SocketError ConnectError(IPAddress address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(new IPEndPoint(address, 9));
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    private static async Task Echo(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                var r = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stop);
                await socket.SendToAsync(buffer.AsMemory(0, r.ReceivedBytes), r.RemoteEndPoint, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is done.
        }
    }
}

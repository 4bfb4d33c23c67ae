using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Namespaces;

/// <summary>
/// Several links into one server namespace, as root: each has its own devices, /30 and pipelines, so a service reached at
/// one link's address meets that link's impairment and no other's; dispose removes the namespace and every device.
/// </summary>
[NonParallelizable]
public sealed class MultiLinkTests
{
    [Test, CancelAfter(120_000)]
    public async Task TwoLinks_EachRoundTripMeetsItsOwnDelay()
    {
        RootOnly.Require();
        using var network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 5, Links = 2 });
        var (near, far) = (network.Links[0], network.Links[1]);
        Delay(near, 20, 20);
        Delay(far, 50, 50);

        var nearRtt = await MedianRoundTripAsync(network, near);
        var farRtt = await MedianRoundTripAsync(network, far);

        // Lower bounds are the configured delays; the upper ones leave room for a loaded machine's scheduling, not for the
        // other link's delay (a doubled delay, 80 or 200 ms, fails; so does meeting the other link's).
        Assert.That(nearRtt, Is.InRange(40, 60), "20 ms + 20 ms across the first link");
        Assert.That(farRtt, Is.InRange(100, 130), "50 ms + 50 ms across the second link");
        Assert.That(far.Upstream.Counters.Seen, Is.InRange(60, 70), "the second link carried its own probe's datagrams");
        Assert.That(near.Upstream.Counters.Seen, Is.InRange(60, 70), "and the first link only its own");
        Assert.That(far.Upstream.Counters.MeanAddedDelay.TotalMilliseconds, Is.EqualTo(50).Within(1));
        Assert.That(near.Upstream.Counters.MeanAddedDelay.TotalMilliseconds, Is.EqualTo(20).Within(1));
    }

    [Test]
    public void TwoLinks_OwnDevicesAndAddresses_AllRemovedOnDispose()
    {
        RootOnly.Require();
        var network = PacketNetwork.Create(new PacketNetworkOptions { Links = 2 });
        var names = network.Names;
        var devices = network.Links.Select(l => (l.HostDevice, l.InnerDevice)).ToList();
        var addresses = network.Links.Select(l => l.Addresses).ToList();
        var inner = RootOnly.Ip("-n", names.Namespace, "-o", "link", "show");
        var hostSide = network.Links.Select(l => RootOnly.LinkExists(l.HostDevice)).ToList();
        network.Dispose();

        Assert.That(
            devices,
            Is.EqualTo(new[] { (names.HostDevice, names.InnerDevice), ($"{names.HostDevice}1", $"{names.InnerDevice}1") })
        );
        Assert.That(addresses.Distinct().Count(), Is.EqualTo(2));
        Assert.That(addresses.SelectMany(a => new[] { a.Host, a.Inner }).Distinct().Count(), Is.EqualTo(4));
        Assert.That(inner, Does.Contain($": {names.InnerDevice}:").And.Contain($": {names.InnerDevice}1:"));
        Assert.That(hostSide, Is.All.True);
        Assert.That(RootOnly.NamespaceExists(names.Namespace), Is.False);
        Assert.That(devices.Select(d => RootOnly.LinkExists(d.HostDevice)), Is.All.False);
    }

    [Test]
    public void SeedsDifferPerLink_TheFirstKeepsTheRunSeed()
    {
        Assert.That(HarnessLink.SeedOf(42, 0), Is.EqualTo(42));
        Assert.That(
            new[] { HarnessLink.SeedOf(42, 1), HarnessLink.SeedOf(42, 2), ClientLink.SeedOf(42), 42 }.Distinct().Count(),
            Is.EqualTo(4)
        );
    }

    [TestCase(0)]
    [TestCase(PacketNetworkOptions.MaxLinks + 1)]
    public void LinkCount_OutOfRange_Refused(int links)
    {
        Assert.That(
            () => PacketNetwork.Create(new PacketNetworkOptions { Links = links, CheckPrivileges = () => null }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("links must be 1 to 64")
        );
    }

    private static void Delay(HarnessLink link, int upMs, int downMs)
    {
        link.Upstream.Settings = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(upMs) };
        link.Downstream.Settings = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(downMs) };
    }

    /// <summary>60 UDP round trips from the harness's namespace to an echo bound to the link's server-side address.</summary>
    private static async Task<double> MedianRoundTripAsync(PacketNetwork network, HarnessLink link)
    {
        using var echo = NamespaceEntry.Run(network.Names.Namespace, () => Bound(link.Addresses.Inner));
        using var stop = new CancellationTokenSource();
        var echoing = Echo(echo, stop.Token);
        using var socket = Bound(IPAddress.Any);
        var buffer = new byte[64];
        var rtts = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await socket.SendToAsync(new byte[64], echo.LocalEndPoint!);
            var answer = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(TimeSpan.FromSeconds(5));
            rtts.Add(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            Assert.That(((IPEndPoint)answer.RemoteEndPoint).Address, Is.EqualTo(link.Addresses.Inner));
        }
        await stop.CancelAsync();
        await echoing;
        rtts.Sort();
        return rtts[rtts.Count / 2];
    }

    private static Socket Bound(IPAddress address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
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

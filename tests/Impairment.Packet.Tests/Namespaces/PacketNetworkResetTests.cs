using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Namespaces;

/// <summary>
/// <see cref="PacketNetwork.ResetConnections"/> against the kernel's own TCP at both ends (needs root; skipped with the
/// reason otherwise): the forged RSTs are accepted, so both sockets fail with ECONNRESET, and the link still carries new
/// connections.
/// </summary>
[NonParallelizable]
public sealed class PacketNetworkResetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private PacketNetwork _network = null!;

    [SetUp]
    public void SetUp()
    {
        RootOnly.Require();
        _network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 3 });
    }

    [TearDown]
    public void TearDown() => _network?.Dispose();

    [Test, CancelAfter(60_000)]
    public async Task IdleConnection_BothEndsGetConnectionReset_ThenANewConnectionWorks()
    {
        using var listener = Listen();
        var (client, server) = await ConnectAsync(listener);
        using (client)
        using (server)
        {
            await ExchangeAsync(client, server);
            var clientReads = ReceiveAsync(client);
            var serverReads = ReceiveAsync(server);

            Assert.That(_network.ResetConnections(), Is.EqualTo(1));

            Assert.That(await ErrorOf(clientReads), Is.EqualTo(SocketError.ConnectionReset), "the client (harness side)");
            Assert.That(await ErrorOf(serverReads), Is.EqualTo(SocketError.ConnectionReset), "the server (in the namespace)");
        }
        Assert.That(_network.Upstream.Counters.ResetsForged, Is.EqualTo(1), "one RST towards the server");
        Assert.That(_network.Downstream.Counters.ResetsForged, Is.EqualTo(1), "one RST towards the client");

        var (again, accepted) = await ConnectAsync(listener);
        using (again)
        using (accepted)
        {
            await ExchangeAsync(again, accepted);
            Assert.That(_network.ResetConnections(), Is.EqualTo(1), "only the new connection is live");
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task DataInFlightBehindDelay_BothEndsStillReset()
    {
        var delay = new PacketImpairmentSettings { Delay = TimeSpan.FromMilliseconds(30) };
        _network.Upstream.Settings = delay;
        _network.Downstream.Settings = delay;
        using var listener = Listen();
        var (client, server) = await ConnectAsync(listener);
        using (client)
        using (server)
        {
            using var stop = new CancellationTokenSource();
            var draining = DrainAsync(server, stop.Token);
            var sending = SendUntilFailureAsync(client, stop.Token);
            await Task.Delay(500);

            Assert.That(_network.ResetConnections(), Is.EqualTo(1));

            Assert.That(await sending.WaitAsync(Patience), Is.EqualTo(SocketError.ConnectionReset), "the sending client");
            Assert.That(await draining.WaitAsync(Patience), Is.EqualTo(SocketError.ConnectionReset), "the receiving server");
            await stop.CancelAsync();
        }
        Assert.That(_network.Upstream.Counters.ResetsForged, Is.InRange(1, 2));
        Assert.That(_network.Downstream.Counters.ResetsForged, Is.InRange(1, 2));
    }

    [Test, CancelAfter(120_000)]
    public async Task ResetRightAfterTheClientReadTheLastSegment_LandsEveryTime()
    {
        // The reset must know every segment an application has read: the forwarder learns a segment before writing it,
        // since the write runs the receiving kernel's TCP and the reader may ask for the reset before the write returns.
        using var listener = Listen();
        for (var i = 0; i < 40; i++)
        {
            var (client, server) = await ConnectAsync(listener);
            using (client)
            using (server)
            {
                await ExchangeAsync(client, server);
                var clientReads = ReceiveAsync(client);
                Assert.That(_network.ResetConnections(), Is.EqualTo(1));
                Assert.That(await ErrorOf(clientReads), Is.EqualTo(SocketError.ConnectionReset), $"connection {i}");
            }
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task TwoLinks_ResetOfOneLink_LeavesTheOtherLinksConnectionAlive()
    {
        using var network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 4, Links = 2 });
        using var first = Listen(network, network.Links[0]);
        using var second = Listen(network, network.Links[1]);
        var (kept, keptServer) = await ConnectAsync(first);
        var (reset, resetServer) = await ConnectAsync(second);
        using (kept)
        using (keptServer)
        using (reset)
        using (resetServer)
        {
            await ExchangeAsync(kept, keptServer);
            await ExchangeAsync(reset, resetServer);
            var resetReads = ReceiveAsync(reset);

            Assert.That(network.ResetConnections(1), Is.EqualTo(1), "the second link's one connection");

            Assert.That(await ErrorOf(resetReads), Is.EqualTo(SocketError.ConnectionReset), "the second link's client");
            await ExchangeAsync(kept, keptServer);
        }
        Assert.That(network.Links[0].Upstream.Counters.ResetsForged, Is.Zero, "nothing forged on the first link");
        Assert.That(network.Links[1].Upstream.Counters.ResetsForged, Is.EqualTo(1));
    }

    private static Socket Listen(PacketNetwork network, HarnessLink link) => NamespaceEntry.Run(network.Names.Namespace, () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(link.Addresses.Inner, 0));
            socket.Listen();
            return socket;
        });

    private Socket Listen() => NamespaceEntry.Run(_network.Names.Namespace, () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(_network.Addresses.Inner, 0));
            socket.Listen();
            return socket;
        });

    private static async Task<(Socket Client, Socket Server)> ConnectAsync(Socket listener)
    {
        var accepting = listener.AcceptAsync();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!).WaitAsync(Patience);
        return (client, await accepting.WaitAsync(Patience));
    }

    private static async Task ExchangeAsync(Socket client, Socket server)
    {
        var buffer = new byte[16];
        await client.SendAsync("ping"u8.ToArray());
        Assert.That(await server.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Patience), Is.EqualTo(4));
        await server.SendAsync("pong"u8.ToArray());
        Assert.That(await client.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Patience), Is.EqualTo(4));
    }

    private static Task<int> ReceiveAsync(Socket socket) => socket.ReceiveAsync(new byte[16].AsMemory()).AsTask();

    private static async Task<SocketError?> ErrorOf(Task<int> receiving)
    {
        try
        {
            var read = await receiving.WaitAsync(Patience);
            Assert.Fail($"read {read} bytes (0: an orderly close) instead of a reset");
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    private static async Task<SocketError?> DrainAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, stop) > 0) { }
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    private static async Task<SocketError?> SendUntilFailureAsync(Socket socket, CancellationToken stop)
    {
        var chunk = new byte[16 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
                await socket.SendAsync(chunk, stop);
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }
}

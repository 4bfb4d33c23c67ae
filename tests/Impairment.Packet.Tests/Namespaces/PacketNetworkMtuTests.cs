using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;

namespace Impairment.Packet.Tests.Namespaces;

/// <summary>
/// <c>packet.mtu</c> below the devices' MTU is a black hole for large packets (no ICMP "fragmentation needed" is
/// sent): the kernel's TCP negotiates an MSS for 1500-byte packets, so small messages pass and a bulk transfer's
/// full-size segments vanish, retransmission after retransmission (needs root; skipped with the reason otherwise).
/// </summary>
[NonParallelizable]
public sealed class PacketNetworkMtuTests
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(3);
    private PacketNetwork _network = null!;

    [SetUp]
    public void SetUp()
    {
        RootOnly.Require();
        _network = PacketNetwork.Create(new PacketNetworkOptions { Seed = 1 });
        var mtu = new PacketImpairmentSettings { Mtu = 1000 };
        _network.Upstream.Settings = mtu;
        _network.Downstream.Settings = mtu;
    }

    [TearDown]
    public void TearDown() => _network?.Dispose();

    [Test, CancelAfter(60_000)]
    public async Task Mtu1000_SmallMessagesPass_BulkSegmentsAreDroppedAndTheTransferStalls()
    {
        using var listener = NamespaceEntry.Run(_network.Names.Namespace, Listen);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var server = await listener.AcceptAsync();

        var echoed = await SmallEchoes(client, server, count: 20, size: 100);
        _ = server.SendAsync(new byte[1 << 20]);
        var bulk = await ReceiveUntilSilent(client, Silence);

        Assert.That(echoed, Is.EqualTo(20 * 100), "100-byte messages both ways fit in 1000-byte packets");
        Assert.That(bulk, Is.LessThan(64 * 1024), "full-size segments never arrive, so the 1 MiB transfer stalls");
        Assert.That(
            _network.Downstream.Counters.DroppedMtu,
            Is.GreaterThanOrEqualTo(2),
            "the full-size segments and at least one retransmission were dropped for their size"
        );
        Assert.That(_network.Upstream.Counters.DroppedMtu, Is.Zero, "acks and small requests are below the MTU");
    }

    private Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(_network.Addresses.Inner, 0));
        socket.Listen();
        return socket;
    }

    /// <summary>Sends <paramref name="count"/> messages client to server and back; the bytes that came back.</summary>
    private static async Task<int> SmallEchoes(Socket client, Socket server, int count, int size)
    {
        var total = 0;
        var buffer = new byte[size];
        for (var i = 0; i < count; i++)
        {
            await client.SendAsync(new byte[size]);
            await ReceiveExactly(server, buffer);
            await server.SendAsync(buffer);
            total += await ReceiveExactly(client, buffer);
        }
        return total;
    }

    private static async Task<int> ReceiveExactly(Socket socket, byte[] buffer)
    {
        var got = 0;
        while (got < buffer.Length)
            got += await socket.ReceiveAsync(buffer.AsMemory(got));
        return got;
    }

    /// <summary>Reads until nothing has come for <paramref name="silence"/>; the bytes read.</summary>
    private static async Task<long> ReceiveUntilSilent(Socket socket, TimeSpan silence)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (true)
        {
            using var quiet = new CancellationTokenSource(silence);
            try
            {
                var n = await socket.ReceiveAsync(buffer, quiet.Token);
                if (n == 0)
                    return total;
                total += n;
            }
            catch (OperationCanceledException)
            {
                return total;
            }
        }
    }
}

using System.Buffers.Binary;
using System.Net.Sockets;

namespace Impairment.Tests.Integration;

/// <summary>
/// A counter stream (4-byte big-endian integers, several MiB) echoed through the proxy while latency, bandwidth
/// and slicer toxics are added and removed over and over in both directions, so each link keeps switching between
/// its direct path (no toxic) and its chain: every byte must come back exactly once and in order.
/// </summary>
public class DirectPathSwitchTests : LoopbackTestBase
{
    private const int Total = 6 << 20;

    [Test]
    public async Task ToxicsFlippedWhileStreaming_EveryByteArrivesOnceInOrder()
    {
        var listen = CreateProxy();
        using var client = await ConnectAsync(listen);
        var sent = Counter(Total);
        var receive = ReceiveExactlyAsync(client, Total);
        var toxics = new (string Type, string Stream, (string, long)[] Attributes)[]
        {
            ("latency", "upstream", [("latency", 2)]),
            ("bandwidth", "downstream", [("rate", 20_000)]),
            ("slicer", "downstream", [("average_size", 500), ("size_variation", 200), ("delay", 0)]),
            ("latency", "downstream", [("latency", 1)]),
            ("slicer", "upstream", [("average_size", 3000), ("size_variation", 1000), ("delay", 0)]),
            ("bandwidth", "upstream", [("rate", 50_000)]),
        };
        // Each round streams its share while a toxic is added, held a few ms and removed, so switches happen mid-stream.
        const int rounds = 24;
        for (var i = 0; i < rounds; i++)
        {
            var (type, stream, attributes) = toxics[i % toxics.Length];
            var send = SendInPiecesAsync(client, sent.AsMemory(i * (Total / rounds), Total / rounds));
            await Task.Delay(i % 3, Cts.Token);
            await AddAsync(type, stream: stream, attributes: attributes);
            await Task.Delay(3 + i % 7, Cts.Token);
            Assert.That(await Engine.RemoveToxicAsync("p", $"{type}_{stream}"), Is.Null);
            await send;
        }
        var received = await receive;

        Assert.That(FirstWrongInteger(received), Is.EqualTo(-1), "index of the first integer out of place");
    }

    private async Task SendInPiecesAsync(Socket client, ReadOnlyMemory<byte> data)
    {
        var sizes = new[] { 4096, 100_003, 7, 32 * 1024, 60_000, 1_000 };
        for (int offset = 0, i = 0; offset < data.Length; i++)
        {
            var length = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            await client.SendAsync(data.Slice(offset, length), SocketFlags.None, Cts.Token);
            offset += length;
            if (i % 4 == 0)
                await Task.Delay(1, Cts.Token);
        }
    }

    private static byte[] Counter(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < length / 4; i++)
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4 * i), i);
        return data;
    }

    private static int FirstWrongInteger(byte[] received)
    {
        for (var i = 0; i < received.Length / 4; i++)
        {
            if (BinaryPrimitives.ReadInt32BigEndian(received.AsSpan(4 * i)) != i)
                return i;
        }
        return -1;
    }
}

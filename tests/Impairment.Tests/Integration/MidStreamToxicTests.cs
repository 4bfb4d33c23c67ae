using System.Net.Sockets;
using System.Security.Cryptography;

namespace Impairment.Tests.Integration;

/// <summary>
/// A patterned 8 MiB stream echoed through the proxy while toxics are added and removed mid-stream: every byte
/// comes back once and in order (compared byte for byte and by SHA-256), whichever path the link's reads take
/// (pooled buffers handed on, small reads copied) and however the chain changes under it.
/// </summary>
public class MidStreamToxicTests : LoopbackTestBase
{
    private const int Total = 8 << 20;

    [Test]
    public async Task ToxicsAddedAndRemovedMidStream_NoByteLostOrReordered()
    {
        var listen = CreateProxy();
        using var client = await ConnectAsync(listen);
        var sent = Pattern();
        var receive = ReceiveExactlyAsync(client, Total);
        var send = SendInPiecesAsync(client, sent);
        for (var i = 0; i < 4 && !send.IsCompleted; i++)
        {
            await Task.Delay(30, Cts.Token);
            await AddAsync("slicer", stream: "downstream", attributes: [("average_size", 700), ("size_variation", 300), ("delay", 0)]);
            await Task.Delay(30, Cts.Token);
            Assert.That(await Engine.RemoveToxicAsync("p", "slicer_downstream"), Is.Null);
            await Task.Delay(30, Cts.Token);
            await AddAsync("latency", stream: "upstream", attributes: [("latency", 5)]);
            await Task.Delay(30, Cts.Token);
            Assert.That(await Engine.RemoveToxicAsync("p", "latency_upstream"), Is.Null);
        }
        await send;
        var received = await receive;

        Assert.That(SHA256.HashData(received), Is.EqualTo(SHA256.HashData(sent)));
        Assert.That(FirstDifference(sent, received), Is.EqualTo(-1));
    }

    // Mixed sizes: small writes (copied reads) and large ones (buffer handed on).
    private async Task SendInPiecesAsync(Socket client, byte[] data)
    {
        var sizes = new[] { 64, 100_000, 1, 32 * 1024, 5_000, 250_000 };
        for (int offset = 0, i = 0; offset < data.Length; i++)
        {
            var length = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            await client.SendAsync(data.AsMemory(offset, length), SocketFlags.None, Cts.Token);
            offset += length;
            if (i % 50 == 0)
                await Task.Delay(1, Cts.Token);
        }
    }

    private static byte[] Pattern()
    {
        var data = new byte[Total];
        for (var i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 31 + (i >> 8) * 7 + (i >> 16));
        return data;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] != b[i])
                return i;
        return -1;
    }
}

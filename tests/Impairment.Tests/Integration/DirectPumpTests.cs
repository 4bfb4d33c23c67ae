using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Model;

namespace Impairment.Tests.Integration;

/// <summary>
/// The direct path's second buffer (DirectPump): full reads are sent from the thread pool while the next read is
/// received. Bulk streams (reads that fill the buffer) must still arrive whole and in order when the link ends right
/// after a full read, and when toxics are added and removed while such a send is under way.
/// </summary>
public class DirectPumpTests : LoopbackTestBase
{
    private const int Total = 8 << 20;

    [Test]
    public async Task UpstreamSendsThenCloses_ClientGetsEveryByteBeforeTheEnd()
    {
        // The last full read's send is still on the pool when the source ends: the link must not close the client first.
        for (var trial = 0; trial < 5; trial++)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var name = $"bulk{trial}";
            var created = Engine.CreateProxy(new ProxySpec(name, listener.LocalEndPoint!.ToString()!, "127.0.0.1:0"));
            Assert.That(created.IsSuccess, Is.True, created.Error?.Message);
            using var client = await ConnectAsync(created.Value!.Listen);
            var reading = ReadAllAsync(client);
            using (var upstream = await listener.AcceptAsync(Cts.Token))
            {
                await upstream.SendAsync(Counter(Total), SocketFlags.None, Cts.Token);
                upstream.Shutdown(SocketShutdown.Both);
            }

            var received = await reading;

            Assert.That(received.Length, Is.EqualTo(Total), $"trial {trial}: bytes before the end");
            Assert.That(FirstWrongInteger(received), Is.EqualTo(-1), $"trial {trial}: index of the first integer out of place");
        }
    }

    [Test]
    public async Task ToxicsFlippedDuringFullReads_EveryByteArrivesOnceInOrder()
    {
        var listen = CreateProxy();
        using var client = await ConnectAsync(listen);
        var sent = Counter(Total);
        var receive = ReceiveExactlyAsync(client, Total);
        var toxics = new (string Type, string Stream, (string, long)[] Attributes)[]
        {
            ("latency", "upstream", [("latency", 1)]),
            ("slicer", "downstream", [("average_size", 20_000), ("size_variation", 5_000), ("delay", 0)]),
            ("latency", "downstream", [("latency", 0)]),
            ("slicer", "upstream", [("average_size", 40_000), ("size_variation", 10_000), ("delay", 0)]),
        };
        // Large sends keep every read full, so switches land while a send is on the pool.
        const int rounds = 32;
        for (var i = 0; i < rounds; i++)
        {
            var (type, stream, attributes) = toxics[i % toxics.Length];
            var send = client.SendAsync(sent.AsMemory(i * (Total / rounds), Total / rounds), SocketFlags.None, Cts.Token).AsTask();
            await AddAsync(type, stream: stream, attributes: attributes);
            await Task.Delay(i % 3, Cts.Token);
            Assert.That(await Engine.RemoveToxicAsync("p", $"{type}_{stream}"), Is.Null);
            await send;
        }
        var received = await receive;

        Assert.That(FirstWrongInteger(received), Is.EqualTo(-1), "index of the first integer out of place");
    }

    private async Task<byte[]> ReadAllAsync(Socket client)
    {
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, Cts.Token)) > 0)
                all.Write(buffer, 0, read);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Counted as it stands: the length check reports what was missing.
        }
        return all.ToArray();
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

using System.Buffers.Binary;
using System.Collections;
using System.Net;
using System.Net.Sockets;
using Harness.Toxiproxy.Client;

namespace Harness.Impairment.Bench;

/// <summary>
/// UDP proxy with <c>loss percent 5</c> upstream and a fixed seed: <see cref="Datagrams"/> numbered datagrams, sent
/// in batches that wait until the proxy has read the batch (its /metrics counter), so the kernel drops nothing on
/// the way in. Measured loss = 1 - arrived at the sink / sent; the set of survivors is compared with run 1's.
/// </summary>
internal sealed class UdpLossBench : IBenchmark
{
    private const int Datagrams = 100_000;
    private const int Batch = 1_000;
    private const int Size = 8;
    private const long Seed = 42;
    private BitArray? _firstSurvivors;

    public string Name => $"UDP loss 5% over {Datagrams} datagrams (seed {Seed})";

    public string Target => "measured loss within 0.5 points of 5%; identical survivors across runs";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20 };
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var survivors = new BitArray(Datagrams);
        var arrived = 0;
        var receiving = Task.Run(() => Receive(sink, survivors, ref arrived));
        await using var server = await ProxyServerProcess.StartAsync(Seed);
        var listen = await server.CreateProxyAsync("media", sink.LocalEndPoint!.ToString()!, "udp");
        await server.Client.AddToxicAsync(
            "media",
            new ToxicDefinition("loss", ToxicStream.Upstream, new Dictionary<string, long> { ["percent"] = 5 })
        );
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(IPEndPoint.Parse(listen));
        var datagram = new byte[Size];
        for (var sent = 0; sent < Datagrams; sent += Batch)
        {
            for (var i = sent; i < sent + Batch; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(datagram, i);
                client.Send(datagram);
            }
            while (await ProxyCounters.ReadAsync(server.Client, "media", "received", "upstream") < (sent + Batch) * (long)Size)
                await Task.Yield();
        }
        var forwarded = await ProxyCounters.ReadAsync(server.Client, "media", "sent", "upstream") / Size;
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (Volatile.Read(ref arrived) < forwarded && !drain.IsCancellationRequested)
                await Task.Delay(10);
        }
        sink.Dispose();
        await receiving;
        _firstSurvivors ??= survivors;
        return new Dictionary<string, double>
        {
            ["loss_pct"] = 100.0 * (Datagrams - Volatile.Read(ref arrived)) / Datagrams,
            ["toxic_loss_pct"] = 100.0 * (Datagrams - forwarded) / Datagrams,
            ["identical_to_run1"] = SameBits(survivors, _firstSurvivors) ? 1 : 0,
        };
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) =>
        Math.Abs(m["loss_pct"] - 5) <= 0.5 && m["identical_to_run1"] == 1 ? "met" : "NOT met";

    private static void Receive(Socket sink, BitArray survivors, ref int arrived)
    {
        var buffer = new byte[64];
        try
        {
            while (true)
            {
                var read = sink.Receive(buffer);
                if (read != Size)
                    continue;
                survivors[BinaryPrimitives.ReadInt32BigEndian(buffer)] = true;
                Interlocked.Increment(ref arrived);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
    }

    private static bool SameBits(BitArray a, BitArray b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }
}

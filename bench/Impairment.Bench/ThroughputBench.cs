using System.Diagnostics;
using System.Net.Sockets;

namespace Harness.Impairment.Bench;

/// <summary>
/// Bulk transfer client → sink of <see cref="Bytes"/>, timed until the sink has read the last byte and its one-byte
/// acknowledgement is back: direct on loopback, through a proxy with no toxic (server in a child process), and
/// through <see cref="RawRelay"/>, the bare minimum of a user-space relay, as this machine's reference.
/// </summary>
internal sealed class ThroughputBench : IBenchmark
{
    private const long Bytes = 1L << 30;
    private const int SendSize = 256 * 1024;

    public string Name => "throughput (1 GiB, one connection, no toxic)";

    public string Target => "proxied >= 0.8 x direct";

    public async Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run)
    {
        using var sink = new LoopbackServer(ReadAllThenAckAsync);
        await using var server = await ProxyServerProcess.StartAsync();
        var listen = await server.CreateProxyAsync("bulk", sink.Address);
        using var relay = RawRelay.Start(sink.Address);
        var direct = await TransferAsync(sink.Address);
        var proxied = await TransferAsync(listen);
        var relayed = await TransferAsync(relay.Address);
        return new Dictionary<string, double>
        {
            ["direct_MBps"] = direct,
            ["proxied_MBps"] = proxied,
            ["raw_relay_MBps"] = relayed,
            ["ratio"] = proxied / direct,
            ["raw_relay_ratio"] = relayed / direct,
        };
    }

    public string Verdict(IReadOnlyDictionary<string, double> m) => m["ratio"] >= 0.8 ? "met" : "NOT met";

    private static async Task<double> TransferAsync(string address)
    {
        using var socket = await Net.ConnectAsync(address);
        var buffer = new byte[SendSize];
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0L; sent < Bytes; sent += SendSize)
            await socket.SendAsync(buffer, SocketFlags.None);
        await Net.ReceiveExactlyAsync(socket, new byte[1]);
        return Bytes / 1e6 / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task ReadAllThenAckAsync(Socket socket)
    {
        var buffer = new byte[SendSize];
        for (var received = 0L; received < Bytes; )
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
                return;
            received += read;
        }
        await socket.SendAsync(new byte[] { 1 }, SocketFlags.None);
    }
}

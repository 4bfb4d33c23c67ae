using System.Diagnostics;
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Harness.Impairment;
using Harness.Repro;
using Harness.Scenarios.Model;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace Harness.Tests.Repro;

/// <summary>A repro's network on a real embedded server: a proxy per origin, the SOCKS router, console lines applied live.</summary>
public sealed class ReproNetworkTests
{
    private static readonly NetworkProfile None = new("none", null, null, null, null, null, null, null);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task RouteAsync_TwoPortsOfOneHost_GetTwoProxiesEachToItsOwnUpstream()
    {
        await using var server = await EmbeddedProxyHost.StartAsync(1, TimeProvider.System, CancellationToken.None);
        using var client = new ToxiproxyClient(server.ApiAddress);
        await using var a = new EchoServer();
        await using var b = new EchoServer();
        await using var origins = new OriginProxies(client, None, _ => { });

        var toA = await origins.RouteAsync("127.0.0.1", a.Port, CancellationToken.None);
        var toB = await origins.RouteAsync("127.0.0.1", b.Port, CancellationToken.None);
        var again = await origins.RouteAsync("127.0.0.1", a.Port, CancellationToken.None);

        Assert.That(toA, Is.Not.EqualTo(toB));
        Assert.That(again, Is.EqualTo(toA), "one proxy per origin, reused");
        var upstreams = (await client.GetProxiesAsync()).Values.ToDictionary(p => IPEndPoint.Parse(p.Listen), p => p.Upstream);
        Assert.That(upstreams[toA], Is.EqualTo(a.Address));
        Assert.That(upstreams[toB], Is.EqualTo(b.Address));
    }

    [Test]
    public async Task Router_SocksConnect_ReachesTheRequestedPortAndRefusesOtherHosts()
    {
        await using var server = await EmbeddedProxyHost.StartAsync(1, TimeProvider.System, CancellationToken.None);
        using var client = new ToxiproxyClient(server.ApiAddress);
        await using var echo = new EchoServer();
        await using var origins = new OriginProxies(client, None, _ => { });
        await using var router = new SocksRouter(origins, ["127.0.0.1"], _ => { });

        using var allowed = await SocksConnectAsync(router.Endpoint, "127.0.0.1", echo.Port);
        Assert.That(allowed.Status, Is.EqualTo(0x00));
        await allowed.Stream.WriteAsync("ping"u8.ToArray());
        var answer = new byte[4];
        await allowed.Stream.ReadExactlyAsync(answer).AsTask().WaitAsync(Bound);
        Assert.That(Encoding.ASCII.GetString(answer), Is.EqualTo("ping"));
        Assert.That(origins.Origins.Single().Port, Is.EqualTo(echo.Port));

        using var refused = await SocksConnectAsync(router.Endpoint, "elsewhere.test", 80);
        Assert.That(refused.Status, Is.EqualTo(0x02), "not allowed by ruleset");
    }

    [Test]
    public async Task Console_LatencyLineOnStdin_IsAppliedToTheLiveProxy()
    {
        await using var server = await EmbeddedProxyHost.StartAsync(1, TimeProvider.System, CancellationToken.None);
        using var client = new ToxiproxyClient(server.ApiAddress);
        await using var echo = new EchoServer();
        await using var origins = new OriginProxies(client, None, _ => { });
        var listen = await origins.RouteAsync("127.0.0.1", echo.Port, CancellationToken.None);
        var said = new List<string>();
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var input = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle));
        using var stop = new CancellationTokenSource();
        var console = new InteractiveConsole(input, origins, line =>
        {
            lock (said)
                said.Add(line);
            if (line.StartsWith("applied:", StringComparison.Ordinal))
                applied.TrySetResult();
        });
        var reading = console.RunAsync(stop.Token);

        using (var writer = new StreamWriter(pipe, leaveOpen: true) { AutoFlush = true })
            await writer.WriteLineAsync("latency 300ms");
        await applied.Task.WaitAsync(Bound);

        var name = origins.Origins.Single().ProxyName;
        var toxics = await client.GetToxicsAsync(name);
        var latencies = toxics.Where(t => t.Type == "latency").Select(t => t.Attributes["latency"]).Order().ToList();
        Assert.That(latencies, Is.EqualTo(new long[] { 150, 150 }), "300 ms round trip, half each way");
        var roundTrip = await RoundTripAsync(listen);
        Assert.That(roundTrip.TotalMilliseconds, Is.InRange(300, 300 + 1500));
        lock (said)
            Assert.That(said, Has.Some.StartsWith("applied: latency 300 ms"));
        pipe.Dispose();
        await reading.WaitAsync(Bound);
    }

    private static async Task<TimeSpan> RoundTripAsync(IPEndPoint proxy)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(proxy);
        var stream = tcp.GetStream();
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync("x"u8.ToArray());
        var one = new byte[1];
        await stream.ReadExactlyAsync(one).AsTask().WaitAsync(Bound);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<SocksConnection> SocksConnectAsync(IPEndPoint router, string host, int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(router);
        var stream = tcp.GetStream();
        await stream.WriteAsync(new byte[] { 5, 1, 0 });
        var method = new byte[2];
        await stream.ReadExactlyAsync(method).AsTask().WaitAsync(Bound);
        var name = Encoding.ASCII.GetBytes(host);
        byte[] request = [5, 1, 0, 3, (byte)name.Length, .. name, (byte)(port >> 8), (byte)port];
        await stream.WriteAsync(request);
        var reply = new byte[10];
        await stream.ReadExactlyAsync(reply).AsTask().WaitAsync(Bound);
        return new SocksConnection(tcp, stream, reply[1]);
    }

    private sealed record SocksConnection(TcpClient Client, NetworkStream Stream, byte Status) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}

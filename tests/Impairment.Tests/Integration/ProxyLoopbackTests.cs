using System.Diagnostics;
using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.TestSupport;

namespace Impairment.Tests.Integration;

/// <summary>Real sockets on 127.0.0.1 port 0; every wait bounded, timing asserted only as latency lower bounds.</summary>
public sealed class ProxyLoopbackTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);
    private EchoServer _echo = null!;
    private ImpairmentEngine _engine = null!;

    [SetUp]
    public void SetUp()
    {
        _echo = new EchoServer();
        _engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = 1 });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Test]
    public async Task Proxy_NoToxic_SeveralMegabytesRoundTripIntact()
    {
        using var cts = new CancellationTokenSource(Bounded);
        using var client = await ConnectAsync(CreateProxy("plain"), cts.Token);
        var payload = new byte[4 * 1024 * 1024];
        new Random(5).NextBytes(payload);

        var sending = client.SendAsync(payload, SocketFlags.None, cts.Token).AsTask();
        var received = await ReceiveExactlyAsync(client, payload.Length, cts.Token);
        await sending;

        Assert.That(received, Is.EqualTo(payload));
    }

    [Test]
    public async Task Proxy_DownstreamLatency100Ms_EchoRoundTripTakesAbout100Ms()
    {
        using var cts = new CancellationTokenSource(Bounded);
        var listen = CreateProxy("slow");
        await AddLatencyAsync("slow", 100);
        using var client = await ConnectAsync(listen, cts.Token);

        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
            samples.Add(await RoundTripMsAsync(client, cts.Token));
        samples.Sort();

        Assert.That(samples[0], Is.GreaterThanOrEqualTo(100));
        Assert.That(samples[2], Is.LessThan(150), "median of 5 round trips");
    }

    [Test]
    public async Task Proxy_ToxicAddedToOpenConnection_AffectsNextReply()
    {
        using var cts = new CancellationTokenSource(Bounded);
        using var client = await ConnectAsync(CreateProxy("live"), cts.Token);
        await RoundTripMsAsync(client, cts.Token);

        await AddLatencyAsync("live", 200);
        var delayed = await RoundTripMsAsync(client, cts.Token);
        Assert.That(delayed, Is.GreaterThanOrEqualTo(200));

        Assert.That(await _engine.RemoveToxicAsync("live", "latency_downstream"), Is.Null);
        Assert.That(await RoundTripMsAsync(client, cts.Token), Is.LessThan(200));
    }

    [Test]
    public async Task Proxy_UpstreamRefuses_ClientSeesConnectThenOrderlyEof()
    {
        using var cts = new CancellationTokenSource(Bounded);
        var deadPort = new EchoServer();
        var upstream = deadPort.Address;
        await deadPort.DisposeAsync();
        var proxy = _engine.CreateProxy(new ProxySpec("dead", upstream, "127.0.0.1:0"));
        using var client = await ConnectAsync(proxy.Value!.Listen, cts.Token);

        // The client socket is shut down before it is disposed and nothing unread is left on it: FIN, never RST.
        var read = await client.ReceiveAsync(new byte[16], SocketFlags.None, cts.Token);
        Assert.That(read, Is.EqualTo(0));
    }

    [Test]
    public void Proxy_ListenLocalhostPortZero_ReportsIPv4Loopback()
    {
        var proxy = _engine.CreateProxy(new ProxySpec("local", _echo.Address, "localhost:0"));
        Assert.That(proxy.Value!.Listen, Does.Match(@"^127\.0\.0\.1:\d+$"));
        Assert.That(proxy.Value.Listen, Does.Not.EndWith(":0"));
    }

    private string CreateProxy(string name)
    {
        var created = _engine.CreateProxy(new ProxySpec(name, _echo.Address, "127.0.0.1:0"));
        Assert.That(created.IsSuccess, Is.True, created.Error?.Message);
        return created.Value!.Listen;
    }

    private async Task AddLatencyAsync(string proxy, long ms)
    {
        var added = await _engine.AddToxicAsync(
            proxy,
            new ToxicSpec("latency", Attributes: ToxicAttributeInput.FromValues(new Dictionary<string, long> { ["latency"] = ms }))
        );
        Assert.That(added.IsSuccess, Is.True, added.Error?.Message);
    }

    private static async Task<Socket> ConnectAsync(string listen, CancellationToken token)
    {
        var colon = listen.LastIndexOf(':');
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(listen[..colon], int.Parse(listen[(colon + 1)..]), token);
        return socket;
    }

    private static async Task<double> RoundTripMsAsync(Socket client, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(new byte[] { 42 }, SocketFlags.None, token);
        await ReceiveExactlyAsync(client, 1, token);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket client, int length, CancellationToken token)
    {
        var buffer = new byte[length];
        var offset = 0;
        while (offset < length)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, token);
            if (read == 0)
                throw new EndOfStreamException($"closed after {offset} of {length} bytes");
            offset += read;
        }
        return buffer;
    }
}

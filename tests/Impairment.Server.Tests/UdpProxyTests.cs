using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Impairment.Server;

namespace Impairment.Server.Tests;

/// <summary>UDP proxies over the API on 127.0.0.1 port 0 (docs/udp.md): round trip, loss, determinism, duplication, reordering.</summary>
public sealed class UdpProxyTests : ApiTestBase
{
    private UdpEcho _udpEcho = null!;

    protected override ToxiproxyServerOptions Options =>
        new()
        {
            Port = 0,
            Seed = 11,
            ProxyMetrics = true,
        };

    [OneTimeSetUp]
    public void StartUdpEcho() => _udpEcho = new UdpEcho();

    [OneTimeTearDown]
    public async Task StopUdpEcho() => await _udpEcho.DisposeAsync();

    [Test]
    public async Task CreateUdpProxy_Valid_EchoesProtocolAfterEnabled()
    {
        var name = UniqueName("u");
        var body = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"{{_udpEcho.Address}}","listen":"localhost:0","protocol":"UDP"}""",
            201
        );
        Assert.That(
            body,
            Does.Match(
                $$"""^\{"name":"{{name}}","listen":"127\.0\.0\.1:[1-9]\d*","upstream":"[^"]+","enabled":true,"protocol":"udp","Logger":\{\},"toxics":\[\]\}$"""
            )
        );
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(body));
    }

    [Test]
    public async Task UdpProxy_Datagrams_RoundTripInOrder()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = await ConnectAsync(await CreateUdpProxyAsync());
        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(Datagram(i), SocketFlags.None, cts.Token);
            Assert.That(await ReceiveSequenceAsync(client, cts.Token), Is.EqualTo(i));
        }
    }

    [Test]
    public async Task UdpProxy_TcpOnlyToxic_Returns400InvalidToxicType()
    {
        var proxy = await CreateUdpProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"timeout"}""");
        await AssertErrorAsync(response, 400, "invalid toxic type");
    }

    [Test]
    public async Task UdpProxy_LossToxicDefaults_EchoedWithAllAttributes()
    {
        var proxy = await CreateUdpProxyAsync();
        Assert.That(
            await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"loss","stream":"upstream","attributes":{"percent":5}}"""),
            Is.EqualTo(
                """{"attributes":{"percent":5,"burst_enter":0,"burst_exit":0,"burst_percent":0},"name":"loss_upstream","type":"loss","stream":"upstream","toxicity":1}"""
            )
        );
        using var bad = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"loss","name":"x","attributes":{"percent":101}}""");
        await AssertErrorAsync(bad, 400, "percent must be between 0 and 100");
    }

    [Test]
    public async Task UdpProxy_LossProbabilityPpm_EchoedOnlyWhenSetAndRangeChecked()
    {
        var proxy = await CreateUdpProxyAsync();
        Assert.That(
            await BodyOfAsync(
                "POST",
                $"/proxies/{proxy}/toxics",
                """{"type":"loss","stream":"upstream","attributes":{"probability_ppm":2000}}"""
            ),
            Is.EqualTo(
                """{"attributes":{"percent":0,"burst_enter":0,"burst_exit":0,"burst_percent":0,"probability_ppm":2000},"name":"loss_upstream","type":"loss","stream":"upstream","toxicity":1}"""
            )
        );
        using var bad = await SendAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            """{"type":"loss","name":"x","attributes":{"probability_ppm":1000001}}"""
        );
        await AssertErrorAsync(bad, 400, "probability_ppm must be between 0 and 1000000 (parts per million; 0 = use percent)");
    }

    [Test]
    public async Task UdpProxy_FivePercentLoss_MeasuredWithinTolerance()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var proxy = await CreateUdpProxyAsync();
        await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"loss","stream":"upstream","attributes":{"percent":5}}""");
        using var client = await ConnectAsync(proxy);
        const int total = 20_000;
        const int batch = 200;
        for (var sent = 0; sent < total; sent += batch)
        {
            for (var i = sent; i < sent + batch; i++)
                await client.SendAsync(Datagram(i), SocketFlags.None, cts.Token);
            await WaitForCounterAsync(proxy, "received", "upstream", (sent + batch) * 4L, cts.Token);
        }
        var forwarded = await CounterAsync(proxy, "sent", "upstream");
        var loss = 1 - forwarded / (total * 4.0);
        Assert.That(loss, Is.EqualTo(0.05).Within(0.007));
    }

    [Test]
    public async Task UdpProxy_SameSeed_IdenticalLossDecisions()
    {
        var first = await SurvivorsAsync(seed: 5);
        var second = await SurvivorsAsync(seed: 5);
        var other = await SurvivorsAsync(seed: 6);
        Assert.That(first, Has.Count.InRange(200, 500));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task UdpProxy_DuplicateHundredPercent_EveryDatagramArrivesTwice()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateUdpProxyAsync();
        await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"duplicate","attributes":{"percent":100}}""");
        using var client = await ConnectAsync(proxy);
        var seen = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(Datagram(i), SocketFlags.None, cts.Token);
            seen.Add(await ReceiveSequenceAsync(client, cts.Token));
            seen.Add(await ReceiveSequenceAsync(client, cts.Token));
        }
        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 20).SelectMany(i => new[] { i, i })));
    }

    [Test]
    public async Task UdpProxy_Reorder_LaterDatagramsOvertakeHeldOnesAndNoneLost()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateUdpProxyAsync();
        await BodyOfAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            """{"type":"reorder","stream":"upstream","attributes":{"percent":30,"delay":40}}"""
        );
        using var client = await ConnectAsync(proxy);
        for (var i = 0; i < 100; i++)
            await client.SendAsync(Datagram(i), SocketFlags.None, cts.Token);
        var order = new List<int>();
        for (var i = 0; i < 100; i++)
            order.Add(await ReceiveSequenceAsync(client, cts.Token));
        Assert.That(order, Is.EquivalentTo(Enumerable.Range(0, 100)));
        Assert.That(order, Is.Not.Ordered);
    }

    [Test]
    public async Task UdpProxy_Latency_DelaysEachDatagram()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateUdpProxyAsync();
        await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","attributes":{"latency":100}}""");
        using var client = await ConnectAsync(proxy);
        // Two-sided: never early, and the fastest of five round trips (the one a busy machine delayed least) is well
        // below a doubled latency. A single exchange with a wide upper bound could not tell 100 ms from 200 ms.
        var fastest = double.MaxValue;
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await client.SendAsync(Datagram(sequence), SocketFlags.None, cts.Token);
            Assert.That(await ReceiveSequenceAsync(client, cts.Token), Is.EqualTo(sequence));
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(95), $"datagram {sequence} came back early");
            fastest = Math.Min(fastest, elapsed);
        }
        Assert.That(fastest, Is.LessThan(190), "a doubled latency (200 ms) must fail this");
    }

    [Test]
    public async Task Metrics_UdpTraffic_CountersLiveWithToxiproxyLabels()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateUdpProxyAsync();
        using var client = await ConnectAsync(proxy);
        await client.SendAsync(Datagram(1), SocketFlags.None, cts.Token);
        await ReceiveSequenceAsync(client, cts.Token);
        var listen = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{proxy}")).RootElement.GetProperty("listen").GetString();
        var sentUpstream =
            $"toxiproxy_proxy_sent_bytes_total{{direction=\"upstream\",listener=\"{listen}\",proxy=\"{proxy}\",upstream=\"{_udpEcho.Address}\"}} 4\n";
        // The upstream send is counted when it completes, which can be after the echo already came back: poll, bounded.
        HttpResponseMessage response;
        string text;
        while (true)
        {
            response = await SendAsync("GET", "/metrics");
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains(sentUpstream, StringComparison.Ordinal) || cts.IsCancellationRequested)
                break;
            response.Dispose();
            await Task.Yield();
        }
        using var _ = response;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; version=0.0.4; charset=utf-8"));
            Assert.That(text, Does.Contain("# TYPE toxiproxy_proxy_received_bytes_total counter\n"));
            Assert.That(
                text,
                Does.Contain(
                    $"toxiproxy_proxy_received_bytes_total{{direction=\"downstream\",listener=\"{listen}\",proxy=\"{proxy}\",upstream=\"{_udpEcho.Address}\"}} 4\n"
                )
            );
            Assert.That(
                text,
                Does.Contain(
                    $"toxiproxy_proxy_sent_bytes_total{{direction=\"upstream\",listener=\"{listen}\",proxy=\"{proxy}\",upstream=\"{_udpEcho.Address}\"}} 4\n"
                )
            );
            Assert.That(text, Does.Not.Contain("process_cpu_seconds_total"));
        }
    }

    private async Task<List<int>> SurvivorsAsync(long seed)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var server = await EmbeddedToxiproxy.StartAsync(
            new ToxiproxyServerOptions
            {
                Port = 0,
                Seed = seed,
                ProxyMetrics = true,
            }
        );
        using var http = new HttpClient { BaseAddress = server.ApiAddress };
        (
            await http.PostAsync(
                "/proxies",
                new StringContent($$"""{"name":"d","upstream":"{{_udpEcho.Address}}","listen":"127.0.0.1:0","protocol":"udp"}"""),
                cts.Token
            )
        ).EnsureSuccessStatusCode();
        (
            await http.PostAsync(
                "/proxies/d/toxics",
                new StringContent("""{"type":"loss","stream":"upstream","attributes":{"percent":30}}"""),
                cts.Token
            )
        ).EnsureSuccessStatusCode();
        var listen = JsonDocument.Parse(await http.GetStringAsync("/proxies/d", cts.Token)).RootElement.GetProperty("listen").GetString()!;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(IPEndPoint.Parse(listen));
        var survivors = new List<int>();
        for (var sent = 0; sent < 500; sent += 100)
        {
            for (var i = sent; i < sent + 100; i++)
                await client.SendAsync(Datagram(i), SocketFlags.None, cts.Token);
            await WaitForCounterAsync(http, "d", "received", "upstream", (sent + 100) * 4L, cts.Token);
            var forwarded = await CounterAsync(http, "d", "sent", "upstream");
            while (survivors.Count * 4L < forwarded)
                survivors.Add(await ReceiveSequenceAsync(client, cts.Token));
        }
        survivors.Sort();
        return survivors;
    }

    private async Task<string> CreateUdpProxyAsync()
    {
        var name = UniqueName("udp");
        await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"{{_udpEcho.Address}}","listen":"127.0.0.1:0","protocol":"udp"}""",
            201
        );
        return name;
    }

    private async Task<Socket> ConnectAsync(string proxy)
    {
        var listen = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{proxy}")).RootElement.GetProperty("listen").GetString()!;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024 };
        socket.Connect(IPEndPoint.Parse(listen));
        return socket;
    }

    private static byte[] Datagram(int sequence)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(data, sequence);
        return data;
    }

    private static async Task<int> ReceiveSequenceAsync(Socket client, CancellationToken token)
    {
        var buffer = new byte[64];
        var read = await client.ReceiveAsync(buffer, SocketFlags.None, token);
        Assert.That(read, Is.EqualTo(4));
        return BinaryPrimitives.ReadInt32BigEndian(buffer);
    }

    private Task<long> CounterAsync(string proxy, string kind, string direction) => CounterAsync(Http, proxy, kind, direction);

    private Task WaitForCounterAsync(string proxy, string kind, string direction, long expected, CancellationToken token) =>
        WaitForCounterAsync(Http, proxy, kind, direction, expected, token);

    private static async Task<long> CounterAsync(HttpClient http, string proxy, string kind, string direction)
    {
        var text = await http.GetStringAsync("/metrics");
        var match = Regex.Match(
            text,
            $"toxiproxy_proxy_{kind}_bytes_total\\{{direction=\"{direction}\",listener=\"[^\"]*\",proxy=\"{Regex.Escape(proxy)}\",upstream=\"[^\"]*\"\\}} (\\d+)"
        );
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Bounded wait for the proxy to have read every datagram sent so far (each poll is one HTTP round trip).</summary>
    private static async Task<long> WaitForCounterAsync(
        HttpClient http,
        string proxy,
        string kind,
        string direction,
        long expected,
        CancellationToken token
    )
    {
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var value = await CounterAsync(http, proxy, kind, direction);
            if (value >= expected)
                return value;
        }
    }
}

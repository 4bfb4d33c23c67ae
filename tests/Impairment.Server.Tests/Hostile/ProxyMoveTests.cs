using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Issue 11 item 6: an update that cannot bind its new listen address leaves the proxy exactly as it was.</summary>
public sealed class ProxyMoveTests : HostileApiTestBase
{
    [TestCase("PATCH")]
    [TestCase("POST")]
    public async Task MoveListenOntoBusyPort_Returns500AndProxyKeepsServingOldAddress(string method)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var busy = ((IPEndPoint)taken.LocalEndpoint).Port;
        var name = await CreateProxyAsync();
        var before = await BodyOfAsync("GET", $"/proxies/{name}");
        var oldListen = JsonDocument.Parse(before).RootElement.GetProperty("listen").GetString()!;
        using var open = await EchoThroughAsync(oldListen);

        using var moved = await SendAsync(method, $"/proxies/{name}", $$"""{"listen":"127.0.0.1:{{busy}}"}""");
        await AssertErrorAsync(moved, 500, $"listen tcp 127.0.0.1:{busy}: bind: address already in use");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(before));
            Assert.That(await EchoOnceAsync(open), Is.True, "a connection open before the failed update must survive it");
        }
        using var fresh = await EchoThroughAsync(oldListen);
        Assert.That(await EchoOnceAsync(fresh), Is.True);

        // Repeating the update must fail again, not succeed on a proxy left disabled.
        using var again = await SendAsync(method, $"/proxies/{name}", $$"""{"listen":"127.0.0.1:{{busy}}"}""");
        Assert.That((int)again.StatusCode, Is.EqualTo(500));
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(before));
    }

    [Test]
    public async Task MoveListenAndUpstreamWithBusyPort_UpstreamUnchangedToo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var busy = ((IPEndPoint)taken.LocalEndpoint).Port;
        var name = await CreateProxyAsync();
        var before = await BodyOfAsync("GET", $"/proxies/{name}");
        using var moved = await SendAsync("PATCH", $"/proxies/{name}", $$"""{"listen":"127.0.0.1:{{busy}}","upstream":"127.0.0.1:9"}""");
        Assert.That((int)moved.StatusCode, Is.EqualTo(500));
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(before));
    }

    [Test]
    public async Task UdpMoveListenOntoBusyPort_Returns500AndProxyUnchanged()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var busy = ((IPEndPoint)taken.Client.LocalEndPoint!).Port;
        var name = UniqueName("udpmove");
        var before = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"127.0.0.1:9","listen":"127.0.0.1:0","protocol":"udp"}""",
            201
        );
        using var moved = await SendAsync("PATCH", $"/proxies/{name}", $$"""{"listen":"127.0.0.1:{{busy}}"}""");
        await AssertErrorAsync(moved, 500, $"listen udp 127.0.0.1:{busy}: bind: address already in use");
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(before));
    }

    [Test]
    public async Task MoveListenToFreePort_StillMovesAndOldAddressIsClosed()
    {
        var name = await CreateProxyAsync();
        var oldListen = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{name}")).RootElement.GetProperty("listen").GetString()!;
        var moved = JsonDocument.Parse(await BodyOfAsync("PATCH", $"/proxies/{name}", """{"listen":"127.0.0.1:0"}""")).RootElement;
        var newListen = moved.GetProperty("listen").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(newListen, Is.Not.EqualTo(oldListen));
            Assert.That(moved.GetProperty("enabled").GetBoolean(), Is.True);
        }
        using var client = await EchoThroughAsync(newListen);
        Assert.That(await EchoOnceAsync(client), Is.True);
        using var refused = new TcpClient();
        await Assert.ThatAsync(() => refused.ConnectAsync(IPAddress.Loopback, Port(oldListen)), Throws.InstanceOf<SocketException>());
    }

    private static int Port(string listen) =>
        int.Parse(listen[(listen.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<TcpClient> EchoThroughAsync(string listen)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port(listen));
        return client;
    }

    private static async Task<bool> EchoOnceAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var stream = client.GetStream();
        var sent = new byte[] { 1, 2, 3, 4 };
        try
        {
            await stream.WriteAsync(sent, timeout.Token);
            var back = new byte[4];
            await stream.ReadExactlyAsync(back, timeout.Token);
            return back.SequenceEqual(sent);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or EndOfStreamException)
        {
            return false;
        }
    }
}

using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Issue 11 item 7: a client that sends its request and then shuts down its write side (nc -N) gets the answer.</summary>
public sealed class HalfCloseTests : HostileApiTestBase
{
    [Test]
    public async Task GetAfterHalfClose_GetsResponse()
    {
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, RawHttp.Request("GET", "/version", null), halfClose: true);
        Assert.That(RawHttp.Status(response), Is.EqualTo(200), response);
        Assert.That(RawHttp.Body(response), Does.Contain("\"version\""));
    }

    [Test]
    public async Task PostAfterHalfClose_CreatesAndGetsResponse()
    {
        var name = UniqueName("half");
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}""");
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, RawHttp.Request("POST", "/proxies", body), halfClose: true);
        Assert.That(RawHttp.Status(response), Is.EqualTo(201), response);
        Assert.That(RawHttp.Body(response), Does.StartWith($$"""{"name":"{{name}}","""));
    }

    [Test]
    public async Task BodyInTwoSegmentsTheLastWithTheFin_CreatesAndGetsResponse()
    {
        var name = UniqueName("split");
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}""");
        var request = RawHttp.Request("POST", "/proxies", body);
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, request, halfClose: true, splitAt: request.Length - 10);
        Assert.That(RawHttp.Status(response), Is.EqualTo(201), response);
    }

    [Test]
    public async Task BodyCutShortByTheFin_ConnectionClosedNothingCreated()
    {
        // Kestrel closes without an answer when the declared body can never arrive; the point is: no hang, no 500.
        var request = RawHttp.Request("POST", "/proxies", Encoding.UTF8.GetBytes("""{"name":"cut","upstream":"127.0.0.1:1"}"""));
        var (response, closed) = await RawHttp.ExchangeUntilCloseAsync(
            Server.ApiAddress,
            request[..^5],
            halfClose: true,
            timeout: TimeSpan.FromSeconds(30)
        );
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed, Is.True, "the server must end the connection, not wait for bytes that cannot come");
            Assert.That(RawHttp.Status(response), Is.AnyOf(0, 400), response);
            Assert.That(await BodyOfAsync("GET", "/proxies"), Does.Not.Contain("\"cut\""));
        }
        AssertNothingLogged();
    }

    [Test]
    public async Task ToxicAddAfterHalfClose_GetsResponse()
    {
        var proxy = await CreateProxyAsync();
        var body = Encoding.UTF8.GetBytes("""{"type":"latency","attributes":{"latency":5}}""");
        var response = await RawHttp.ExchangeAsync(
            Server.ApiAddress,
            RawHttp.Request("POST", $"/proxies/{proxy}/toxics", body),
            halfClose: true
        );
        Assert.That(RawHttp.Status(response), Is.EqualTo(200), response);
    }
}

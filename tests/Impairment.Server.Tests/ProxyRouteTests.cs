using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Impairment.Server.Tests;

public sealed class ProxyRouteTests : ApiTestBase
{
    [Test]
    public async Task CreateProxy_Valid_Returns201WithProxyObjectInFieldOrder()
    {
        var name = UniqueName("create");
        using var response = await SendAsync("POST", "/proxies", $$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"localhost:0"}""");
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
            Assert.That(body, Does.Match($$"""^\{"name":"{{name}}","listen":"127\.0\.0\.1:[1-9]\d*","upstream":"{{Echo.Address}}","enabled":true,"Logger":\{\},"toxics":\[\]\}$"""));
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        }
    }

    [Test]
    public async Task CreateProxy_CaseInsensitiveKeysAndTrailingBytes_Accepted()
    {
        var name = UniqueName("case");
        using var response = await SendAsync("POST", "/proxies", $$"""{"NAME":"{{name}}","Upstream":"{{Echo.Address}}","enabled":false} trailing""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"listen\":\"\",").And.Contain("\"enabled\":false"));
    }

    [TestCase("", "bad request body: EOF")]
    [TestCase("garbage", "bad request body: invalid character 'g' looking for beginning of value")]
    [TestCase("""{"name":5,"upstream":"x:1"}""", "bad request body: json: cannot unmarshal number 5 into Go struct field Proxy.name of type string")]
    [TestCase("""{"upstream":"x:1"}""", "missing required field: name")]
    [TestCase("""{"name":"only-name"}""", "missing required field: upstream")]
    public async Task CreateProxy_BadInput_Returns400WithRealServerMessage(string body, string message)
    {
        using var response = await SendAsync("POST", "/proxies", body);
        await AssertErrorAsync(response, 400, message);
    }

    [Test]
    public async Task CreateProxy_NameTaken_Returns409()
    {
        var name = await CreateProxyAsync();
        using var response = await SendAsync("POST", "/proxies", $$"""{"name":"{{name}}","upstream":"{{Echo.Address}}"}""");
        await AssertErrorAsync(response, 409, "proxy already exists");
    }

    [Test]
    public async Task CreateProxy_PortInUse_Returns500WithOsText()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var response = await SendAsync("POST", "/proxies", $$"""{"name":"{{UniqueName("busy")}}","upstream":"x:1","listen":"127.0.0.1:{{port}}"}""");
        await AssertErrorAsync(response, 500, $"listen tcp 127.0.0.1:{port}: bind: address already in use");
    }

    [Test]
    public async Task CreateProxy_ListenWithoutPort_Returns500()
    {
        using var response = await SendAsync("POST", "/proxies", $$"""{"name":"{{UniqueName("nocolon")}}","upstream":"x:1","listen":"nocolon"}""");
        await AssertErrorAsync(response, 500, "listen tcp: address nocolon: missing port in address");
    }

    [Test]
    public async Task ListProxies_Get_ReturnsSortedMap()
    {
        var b = await CreateProxyAsync(UniqueName("zz-b"));
        var a = await CreateProxyAsync(UniqueName("zz-a"));
        using var response = await SendAsync("GET", "/proxies");
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(names, Does.Contain(a).And.Contain(b));
    }

    [Test]
    public async Task GetProxy_Unknown_Returns404()
    {
        using var response = await SendAsync("GET", "/proxies/missing");
        await AssertErrorAsync(response, 404, "proxy not found");
    }

    [TestCase("PATCH")]
    [TestCase("POST")]
    public async Task UpdateProxy_Disable_Returns200AndRefusesConnections(string method)
    {
        var name = await CreateProxyAsync();
        using var response = await SendAsync(method, $"/proxies/{name}", """{"enabled":false,"name":"ignored"}""");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.StartWith($$"""{"name":"{{name}}","listen":"127.0.0.1:""").And.Contain("\"enabled\":false"));

        var listen = JsonDocument.Parse(body).RootElement.GetProperty("listen").GetString()!;
        using var client = new TcpClient();
        var refused = Assert.CatchAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", int.Parse(listen.Split(':')[1])));
        Assert.That(await refused, Is.Not.Null);
    }

    [Test]
    public async Task UpdateProxy_Unknown_Returns404()
    {
        using var response = await SendAsync("PATCH", "/proxies/missing", """{"enabled":false}""");
        await AssertErrorAsync(response, 404, "proxy not found");
    }

    [Test]
    public async Task DeleteProxy_Existing_Returns204ThenGone()
    {
        var name = await CreateProxyAsync();
        using var response = await SendAsync("DELETE", $"/proxies/{name}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Content.Headers.ContentType, Is.Null);
        Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        using var again = await SendAsync("DELETE", $"/proxies/{name}");
        await AssertErrorAsync(again, 404, "proxy not found");
    }

    [Test]
    public async Task Populate_NewAndIdentical_Returns201InInputOrder()
    {
        var a = UniqueName("pop");
        var body = $$"""[{"name":"{{a}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}]""";
        using var first = await SendAsync("POST", "/populate", body);
        var text = await first.Content.ReadAsStringAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
        Assert.That(text, Does.StartWith($$"""{"proxies":[{"name":"{{a}}","listen":"127.0.0.1:"""));

        using var empty = await SendAsync("POST", "/populate", "[]");
        Assert.That(await empty.Content.ReadAsStringAsync(), Is.EqualTo("""{"proxies":null}"""));
    }

    [Test]
    public async Task Populate_MissingField_Returns400JsonAndCreatesNothing()
    {
        var a = UniqueName("popbad");
        using var response = await SendAsync("POST", "/populate", $$"""[{"name":"{{a}}","upstream":"x:1"},{"name":"b"}]""");
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"error":"missing required field: upstream at proxy 2","status":400,"proxies":null}"""));
        using var get = await SendAsync("GET", $"/proxies/{a}");
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

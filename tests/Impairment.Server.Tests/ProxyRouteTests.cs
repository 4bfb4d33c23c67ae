using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Impairment.Server.Tests;

/// <summary>/proxies and /proxies/{proxy} (spec 3.1, 4.2, 4.3, 4.5-4.7).</summary>
public sealed class ProxyRouteTests : ApiTestBase
{
    [Test]
    public async Task CreateProxy_Valid_Returns201WithProxyObjectInFieldOrder()
    {
        var name = UniqueName("create");
        using var response = await SendAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"localhost:0"}"""
        );
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
            Assert.That(
                body,
                Does.Match(
                    $$"""^\{"name":"{{name}}","listen":"127\.0\.0\.1:[1-9]\d*","upstream":"{{Echo.Address}}","enabled":true,"Logger":\{\},"toxics":\[\]\}$"""
                )
            );
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        }
    }

    [Test]
    public async Task CreateProxy_CaseInsensitiveKeysAndTrailingBytes_Accepted()
    {
        var name = UniqueName("case");
        using var response = await SendAsync(
            "POST",
            "/proxies",
            $$"""{"NAME":"{{name}}","Upstream":"{{Echo.Address}}","enabled":false} trailing"""
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"listen\":\"\",").And.Contain("\"enabled\":false"));
    }

    [TestCase("", "bad request body: EOF")]
    [TestCase("garbage", "bad request body: invalid character 'g' looking for beginning of value")]
    [TestCase(
        """{"name":5,"upstream":"x:1"}""",
        "bad request body: json: cannot unmarshal number into Go struct field Proxy.name of type string"
    )]
    [TestCase("""{"upstream":"x:1"}""", "missing required field: name")]
    [TestCase("""{"name":"only-name"}""", "missing required field: upstream")]
    [TestCase("""{"name":"","upstream":"x:1"}""", "missing required field: name")]
    [TestCase("""{"name":null,"upstream":"x:1"}""", "missing required field: name")]
    [TestCase("null", "missing required field: name")]
    [TestCase("[]", "bad request body: json: cannot unmarshal array into Go value of type toxiproxy.Proxy")]
    [TestCase("\"text\"", "bad request body: json: cannot unmarshal string into Go value of type toxiproxy.Proxy")]
    [TestCase(
        """{"name":"n","upstream":"x:1","enabled":"yes"}""",
        "bad request body: json: cannot unmarshal string into Go struct field Proxy.enabled of type bool"
    )]
    [TestCase(
        """{"name":"n","upstream":5}""",
        "bad request body: json: cannot unmarshal number into Go struct field Proxy.upstream of type string"
    )]
    [TestCase("""{"name":"n","upstream":"x:1","protocol":"sctp"}""", "bad request body: protocol must be tcp or udp")]
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
        using var response = await SendAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("busy")}}","upstream":"x:1","listen":"127.0.0.1:{{port}}"}"""
        );
        await AssertErrorAsync(response, 500, $"listen tcp 127.0.0.1:{port}: bind: address already in use");
    }

    [Test]
    public async Task CreateProxy_ListenWithoutPort_Returns500()
    {
        using var response = await SendAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("nocolon")}}","upstream":"x:1","listen":"nocolon"}"""
        );
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
    public async Task CreateProxy_EnabledNullOrAbsent_DefaultsToTrue()
    {
        var body = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("en")}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0","enabled":null}""",
            201
        );
        Assert.That(body, Does.Contain("\"enabled\":true"));
    }

    [Test]
    public async Task CreateProxy_DuplicateKeyThenNull_EarlierValueKept()
    {
        var name = UniqueName("dup");
        var body = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","NAME":null,"upstream":"x:1","upstream":"{{Echo.Address}}","enabled":false}""",
            201
        );
        Assert.That(body, Does.StartWith($$"""{"name":"{{name}}","listen":"","upstream":"{{Echo.Address}}","enabled":false"""));
    }

    // Real Toxiproxy binds every interface here; the harness binds loopback unless given 0.0.0.0 or [::].
    [TestCase("")]
    [TestCase(",\"listen\":\"\"")]
    [TestCase(",\"listen\":\":0\"")]
    public async Task CreateProxy_NoListenOrEmptyHost_BindsLoopbackOnly(string listenField)
    {
        var body = await BodyOfAsync("POST", "/proxies", $$"""{"name":"{{UniqueName("lo")}}","upstream":"x:1" """ + listenField + "}", 201);
        var listen = JsonDocument.Parse(body).RootElement.GetProperty("listen").GetString()!;
        Assert.That(listen, Does.Match(@"^127\.0\.0\.1:[1-9]\d*$"));
        var port = IPEndPoint.Parse(listen).Port;
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        var sockets = listeners.Where(e => e.Port == port).ToList();
        Assert.That(sockets.Select(e => e.Address.ToString()), Is.Not.Empty.And.All.EqualTo("127.0.0.1"), "the listening socket's address");
    }

    [TestCase("localhost:0")]
    [TestCase("LOCALHOST:0")]
    [TestCase("127.0.0.1:0")]
    public async Task CreateProxy_LoopbackPortZero_ReportsIPv4WithEphemeralPort(string listen)
    {
        var body = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("lh")}}","upstream":"x:1","listen":"{{listen}}"}""",
            201
        );
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("listen").GetString(), Does.Match(@"^127\.0\.0\.1:[1-9]\d*$"));
    }

    [Test]
    public async Task CreateProxy_Disabled_KeepsRawListenUntilItRuns()
    {
        var name = UniqueName("raw");
        var created = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"x:1","listen":"localhost:0","enabled":false}""",
            201
        );
        Assert.That(created, Does.Contain("\"listen\":\"localhost:0\""));
        var enabled = await BodyOfAsync("PATCH", $"/proxies/{name}", """{"enabled":true}""");
        Assert.That(enabled, Does.Match("\"listen\":\"127\\.0\\.0\\.1:[1-9][0-9]*\""));
    }

    [TestCase("nocolon")]
    [TestCase("google.com")]
    [TestCase("127.0.0.1:1")]
    public async Task CreateProxy_AnyUpstream_StoredVerbatimWithoutDialling(string upstream)
    {
        var body = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("up")}}","upstream":"{{upstream}}","listen":"127.0.0.1:0"}""",
            201
        );
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("upstream").GetString(), Is.EqualTo(upstream));
    }

    [Test]
    public async Task CreateProxy_UpstreamListening_IsNotDialledAtCreate()
    {
        using var upstream = new TcpListener(System.Net.IPAddress.Loopback, 0);
        upstream.Start();
        var port = ((IPEndPoint)upstream.LocalEndpoint).Port;
        await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{UniqueName("nodial")}}","upstream":"127.0.0.1:{{port}}","listen":"127.0.0.1:0"}""",
            201
        );
        await BodyOfAsync("GET", "/proxies");
        Assert.That(upstream.Pending(), Is.False);
    }

    [Test]
    public async Task GetProxy_Existing_ReturnsSameObjectAsCreate()
    {
        var name = UniqueName("get");
        var created = await BodyOfAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}""",
            201
        );
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}"), Is.EqualTo(created));
    }

    [Test]
    public async Task ListProxies_Entry_EqualsGetOfSameProxy()
    {
        var name = await CreateProxyAsync();
        var map = JsonDocument.Parse(await BodyOfAsync("GET", "/proxies")).RootElement;
        Assert.That(map.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(map.GetProperty(name).GetRawText(), Is.EqualTo(await BodyOfAsync("GET", $"/proxies/{name}")));
    }

    [TestCase("PATCH")]
    [TestCase("POST")]
    public async Task UpdateProxy_UpstreamOnly_MergesAndKeepsListenAndEnabled(string method)
    {
        var name = await CreateProxyAsync();
        var before = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{name}")).RootElement;
        var after = JsonDocument
            .Parse(await BodyOfAsync(method, $"/proxies/{name}", """{"upstream":"elsewhere:1","toxics":[1]}"""))
            .RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.GetProperty("upstream").GetString(), Is.EqualTo("elsewhere:1"));
            Assert.That(after.GetProperty("listen").GetString(), Is.EqualTo(before.GetProperty("listen").GetString()));
            Assert.That(after.GetProperty("enabled").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task UpdateProxy_Reenable_BindsSameResolvedAddress()
    {
        var name = await CreateProxyAsync();
        var listen = JsonDocument
            .Parse(await BodyOfAsync("PATCH", $"/proxies/{name}", """{"enabled":false}"""))
            .RootElement.GetProperty("listen")
            .GetString();
        var again = JsonDocument.Parse(await BodyOfAsync("PATCH", $"/proxies/{name}", """{"enabled":true}""")).RootElement;
        Assert.That(again.GetProperty("listen").GetString(), Is.EqualTo(listen));
        Assert.That(again.GetProperty("enabled").GetBoolean(), Is.True);
    }

    [Test]
    public async Task UpdateProxy_ListenWithoutPort_Returns500WithGoText()
    {
        var name = await CreateProxyAsync();
        using var response = await SendAsync("PATCH", $"/proxies/{name}", """{"listen":"nocolon"}""");
        await AssertErrorAsync(response, 500, "address nocolon: missing port in address");
    }

    [TestCase("", "bad request body: EOF")]
    [TestCase("{\"enabled\":1}", "bad request body: json: cannot unmarshal number into Go struct field Proxy.enabled of type bool")]
    public async Task UpdateProxy_BadBody_Returns400(string body, string message)
    {
        var name = await CreateProxyAsync();
        using var response = await SendAsync("PATCH", $"/proxies/{name}", body);
        await AssertErrorAsync(response, 400, message);
    }

    [Test]
    public async Task UpdateProxy_UnknownWithBadBody_Returns404First()
    {
        using var response = await SendAsync("POST", "/proxies/missing", "garbage");
        await AssertErrorAsync(response, 404, "proxy not found");
    }

    [Test]
    public async Task DeleteProxy_WithToxics_ToxicsGoneWhenRecreated()
    {
        var name = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{name}/toxics", """{"type":"noop"}""")).Dispose();
        (await SendAsync("DELETE", $"/proxies/{name}")).Dispose();
        await CreateProxyAsync(name);
        Assert.That(await BodyOfAsync("GET", $"/proxies/{name}/toxics"), Is.EqualTo("[]"));
    }
}

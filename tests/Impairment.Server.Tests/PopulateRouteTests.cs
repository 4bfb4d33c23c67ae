using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Impairment.Server.Tests;

/// <summary>POST /populate (spec 4.4): validate all first, identical untouched, differing replaced, partial failure.</summary>
public sealed class PopulateRouteTests : ApiTestBase
{
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
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"error":"missing required field: upstream at proxy 2","status":400,"proxies":null}""")
        );
        using var get = await SendAsync("GET", $"/proxies/{a}");
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Populate_IdenticalEntry_LeavesProxyToxicsAndStateUntouched()
    {
        var name = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{name}/toxics", """{"type":"noop","name":"kept"}""")).Dispose();
        var listen = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{name}")).RootElement.GetProperty("listen").GetString()!;
        var port = listen.Split(':')[1];

        // localhost:<port> equals the running 127.0.0.1:<port>; enabled:false does not disable an identical proxy.
        var body = await BodyOfAsync(
            "POST",
            "/populate",
            $$"""[{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"localhost:{{port}}","enabled":false}]""",
            201
        );
        var proxy = JsonDocument.Parse(body).RootElement.GetProperty("proxies")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(proxy.GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(proxy.GetProperty("listen").GetString(), Is.EqualTo(listen));
            Assert.That(proxy.GetProperty("toxics")[0].GetProperty("name").GetString(), Is.EqualTo("kept"));
        }
    }

    [Test]
    public async Task Populate_DifferingEntry_ReplacesProxyAndDropsToxics()
    {
        var name = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{name}/toxics", """{"type":"noop"}""")).Dispose();
        var body = await BodyOfAsync("POST", "/populate", $$"""[{"name":"{{name}}","upstream":"other:1","listen":"127.0.0.1:0"}]""", 201);
        var proxy = JsonDocument.Parse(body).RootElement.GetProperty("proxies")[0];
        Assert.That(proxy.GetProperty("upstream").GetString(), Is.EqualTo("other:1"));
        Assert.That(proxy.GetProperty("toxics").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Populate_BindFailureMidway_EarlierAppliedLaterNotAndBodyListsApplied()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (a, b, c) = (UniqueName("pa"), UniqueName("pb"), UniqueName("pc"));
        using var response = await SendAsync(
            "POST",
            "/populate",
            $$"""[{"name":"{{a}}","upstream":"x:1","listen":"127.0.0.1:0"},{"name":"{{b}}","upstream":"x:1","listen":"127.0.0.1:{{port}}"},{"name":"{{c}}","upstream":"x:1"}]"""
        );
        var text = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500));
            Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
            Assert.That(
                text,
                Does.StartWith(
                    $$"""{"error":"listen tcp 127.0.0.1:{{port}}: bind: address already in use","status":500,"proxies":[{"name":"{{a}}","""
                )
            );
            Assert.That(text, Does.Not.EndWith("\n"));
        }
        Assert.That((await SendAsync("GET", $"/proxies/{a}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync("GET", $"/proxies/{b}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await SendAsync("GET", $"/proxies/{c}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Populate_ReplacementFailsToBind_OldProxyStaysRegisteredDisabled()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var name = await CreateProxyAsync();
        using var response = await SendAsync(
            "POST",
            "/populate",
            $$"""[{"name":"{{name}}","upstream":"x:1","listen":"127.0.0.1:{{port}}"}]"""
        );
        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.EndWith("\"proxies\":null}"));
        var after = JsonDocument.Parse(await BodyOfAsync("GET", $"/proxies/{name}")).RootElement;
        Assert.That(after.GetProperty("enabled").GetBoolean(), Is.False);
    }

    [TestCase(
        "{}",
        "bad request body: json: cannot unmarshal object into Go value of type []struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }"
    )]
    [TestCase("", "bad request body: EOF")]
    [TestCase("[{\"name\":5}]", "bad request body: json: cannot unmarshal number into Go struct field .name of type string")]
    [TestCase("[{\"upstream\":\"x:1\"}]", "missing required field: name at proxy 1")]
    public async Task Populate_BadBody_Returns400JsonWithNullProxies(string body, string message)
    {
        using var response = await SendAsync("POST", "/populate", body);
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(root.GetProperty("error").GetString(), Is.EqualTo(message));
        Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(root.GetProperty("proxies").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Populate_NotNamed_ProxiesLeftAlone()
    {
        var name = await CreateProxyAsync();
        await BodyOfAsync("POST", "/populate", $$"""[{"name":"{{UniqueName("other")}}","upstream":"x:1","enabled":false}]""", 201);
        Assert.That((await SendAsync("GET", $"/proxies/{name}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

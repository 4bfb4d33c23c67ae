using System.Text.Json;

namespace Impairment.Server.Tests.Hostile;

/// <summary>
/// Issue 11 item 3: every proxy or toxic the API creates can be addressed and deleted through its URL, so names a
/// path segment cannot carry back are refused, and the names it can carry are decoded the same way on every route.
/// </summary>
public sealed class NameTests : HostileApiTestBase
{
    [TestCase("zz/leak")]
    [TestCase("/")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("a\nb")]
    [TestCase("a\u0000b")]
    [TestCase("tab\there")]
    public async Task CreateProxy_NameAUrlCannotCarry_Returns400(string name)
    {
        using var response = await SendAsync(
            "POST",
            "/proxies",
            JsonSerializer.Serialize(
                new
                {
                    name,
                    upstream = Echo.Address,
                    listen = "127.0.0.1:0",
                }
            )
        );
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400), body);
            Assert.That(body, Does.StartWith("""{"error":"invalid proxy name: """));
        }
        AssertNothingLogged();
    }

    [TestCase(256)]
    [TestCase(8 * 1024)]
    public async Task CreateProxy_NameLongerThanLimit_Returns400(int length)
    {
        var name = new string('n', length);
        using var response = await SendAsync(
            "POST",
            "/proxies",
            JsonSerializer.Serialize(
                new
                {
                    name,
                    upstream = Echo.Address,
                    listen = "127.0.0.1:0",
                }
            )
        );
        await AssertErrorAsync(response, 400, $"invalid proxy name: at most 255 characters (got {length})");
    }

    [Test]
    public async Task CreateProxy_NameOfExactlyTheLimit_CanBeDeleted()
    {
        var name = new string('m', 255);
        await CreateProxyAsync(name);
        using var deleted = await SendAsync("DELETE", $"/proxies/{name}");
        Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task Populate_NameWithSlash_Returns400AndCreatesNothing()
    {
        using var response = await SendAsync(
            "POST",
            "/populate",
            $$"""[{"name":"pop/leak","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}]"""
        );
        Assert.That((int)response.StatusCode, Is.EqualTo(400), await response.Content.ReadAsStringAsync());
        Assert.That(await BodyOfAsync("GET", "/proxies"), Does.Not.Contain("pop/leak"));
    }

    [Test]
    public async Task AddToxic_NameWithSlash_Returns400()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"name":"t/x","type":"latency"}""");
        await AssertErrorAsync(response, 400, "invalid toxic name: '/' cannot be carried in a URL path segment");
    }

    // Names that need percent-encoding in a path: each route must find them through the encoded form.
    [TestCase("a%2Fb")]
    [TestCase("a%25b")]
    [TestCase("100%")]
    [TestCase("a b")]
    [TestCase("a?b#c")]
    [TestCase("a+b;c=d")]
    [TestCase("grüße-東京")]
    [TestCase("back\\slash")]
    public async Task HostileButCarriableName_ReachableOnEveryRouteThenDeleted(string name)
    {
        await BodyOfAsync(
            "POST",
            "/proxies",
            JsonSerializer.Serialize(
                new
                {
                    name,
                    upstream = Echo.Address,
                    listen = "127.0.0.1:0",
                }
            ),
            201
        );
        var path = "/proxies/" + Uri.EscapeDataString(name);
        var toxic = "t " + name;
        var toxicPath = path + "/toxics/" + Uri.EscapeDataString(toxic);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await BodyOfAsync("GET", path), Does.Contain(JsonSerializer.Serialize(name, Relaxed)));
            await BodyOfAsync("POST", path + "/toxics", JsonSerializer.Serialize(new { name = toxic, type = "latency" }));
            Assert.That(await BodyOfAsync("GET", toxicPath), Does.Contain("\"type\":\"latency\""));
            await BodyOfAsync("PATCH", toxicPath, """{"toxicity":0.5}""");
            await BodyOfAsync("DELETE", toxicPath, expectedStatus: 204);
            await BodyOfAsync("PATCH", path, """{"enabled":false}""");
            await BodyOfAsync("DELETE", path, expectedStatus: 204);
            Assert.That(await BodyOfAsync("GET", "/proxies"), Does.Not.Contain(JsonSerializer.Serialize(name, Relaxed)));
        }
    }

    [Test]
    public async Task PercentEncodedSlash_IsDecodedLikeEveryOtherEscape()
    {
        // "a%2Fb" names a proxy called a/b (which cannot exist), not the proxy literally called "a%2Fb".
        await BodyOfAsync(
            "POST",
            "/proxies",
            JsonSerializer.Serialize(
                new
                {
                    name = "lit%2Fname",
                    upstream = Echo.Address,
                    listen = "127.0.0.1:0",
                }
            ),
            201
        );
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await BodyOfAsync("GET", "/proxies/lit%2Fname", expectedStatus: 404), Does.Contain("proxy not found"));
            Assert.That(await BodyOfAsync("DELETE", "/proxies/lit%2Fname", expectedStatus: 404), Does.Contain("proxy not found"));
            await BodyOfAsync("DELETE", "/proxies/lit%252Fname", expectedStatus: 204);
        }
    }

    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

using System.Net;

namespace Impairment.Server.Tests;

/// <summary>Router and middleware rows (spec 1.7, 2.4): routes and methods, 404/405 shapes, request id, browser block.</summary>
public sealed class RouterTests : ApiTestBase
{
    // Every route and method of the real server; {p} is replaced by an existing proxy, {t} by an existing toxic.
    private static readonly object[] RoutedCases =
    [
        new object[] { "GET", "/version", 200 },
        new object[] { "GET", "/proxies", 200 },
        new object[] { "POST", "/proxies", 400 },
        new object[] { "POST", "/populate", 201 },
        new object[] { "POST", "/reset", 204 },
        new object[] { "GET", "/proxies/{p}", 200 },
        new object[] { "POST", "/proxies/{p}", 200 },
        new object[] { "PATCH", "/proxies/{p}", 200 },
        new object[] { "DELETE", "/proxies/{p}", 204 },
        new object[] { "GET", "/proxies/{p}/toxics", 200 },
        new object[] { "POST", "/proxies/{p}/toxics", 400 },
        new object[] { "GET", "/proxies/{p}/toxics/{t}", 200 },
        new object[] { "POST", "/proxies/{p}/toxics/{t}", 200 },
        new object[] { "PATCH", "/proxies/{p}/toxics/{t}", 200 },
        new object[] { "DELETE", "/proxies/{p}/toxics/{t}", 204 },
        new object[] { "GET", "/proxies/missing", 404 },
    ];

    private static readonly object[] WrongMethodCases =
    [
        new object[] { "PUT", "/proxies" },
        new object[] { "DELETE", "/proxies" },
        new object[] { "PATCH", "/proxies" },
        new object[] { "GET", "/reset" },
        new object[] { "PUT", "/reset" },
        new object[] { "GET", "/populate" },
        new object[] { "PATCH", "/populate" },
        new object[] { "POST", "/version" },
        new object[] { "DELETE", "/version" },
        new object[] { "PUT", "/proxies/x" },
        new object[] { "HEAD", "/proxies/x" },
        new object[] { "PUT", "/proxies/x/toxics" },
        new object[] { "DELETE", "/proxies/x/toxics" },
        new object[] { "PATCH", "/proxies/x/toxics" },
        new object[] { "PUT", "/proxies/x/toxics/y" },
        new object[] { "OPTIONS", "/proxies/x/toxics/y" },
    ];

    [TestCaseSource(nameof(RoutedCases))]
    public async Task RoutedRequest_EveryRouteAndMethod_AnswersWithRequestId(string method, string template, int status)
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","name":"t"}""")).Dispose();
        var body = method switch
        {
            "POST" when template == "/populate" => "[]",
            "POST" or "PATCH" when template.EndsWith("{t}", StringComparison.Ordinal) => """{"toxicity":0.5}""",
            "POST" or "PATCH" when template.EndsWith("{p}", StringComparison.Ordinal) => """{"enabled":true}""",
            "POST" => "",
            _ => null,
        };
        using var response = await SendAsync(
            method,
            template.Replace("{p}", proxy, StringComparison.Ordinal).Replace("{t}", "t", StringComparison.Ordinal),
            body
        );
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.GetValues("X-Toxiproxy-Request-Id").Single(), Does.Match("^[0-9a-v]{20}$"));
        }
    }

    [Test]
    public async Task RequestIds_ManyRequests_AreUnique()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await SendAsync("GET", "/version");
            ids.Add(response.Headers.GetValues("X-Toxiproxy-Request-Id").Single());
        }
        Assert.That(ids, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task Metrics_NoMetricsFlag_Returns404LikeAnyUnknownPath()
    {
        using var response = await SendAsync("GET", "/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("404 page not found\n"));
    }

    [Test]
    public async Task RequestContentType_NotJson_StillAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/proxies")
        {
            Content = new StringContent(
                $$"""{"name":"{{UniqueName("ct")}}","upstream":"x:1","enabled":false}""",
                System.Text.Encoding.UTF8,
                "text/plain"
            ),
        };
        using var response = await Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("/nothing")]
    [TestCase("/proxies/")]
    [TestCase("/proxies/a/b/c/d")]
    [TestCase("/proxies/a/toxics/")]
    [TestCase("/Proxies")]
    [TestCase("/version/")]
    public async Task UnknownPath_AnyMethod_Returns404PlainText(string path)
    {
        using var response = await SendAsync("GET", path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ContentType(response)?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("404 page not found\n"));
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.False);
        }
    }

    [TestCase("PUT", "/Proxies")]
    [TestCase("GET", "/VERSION")]
    [TestCase("GET", "/proxies/x/Toxics")]
    public async Task WrongCaseLiteral_AnyMethod_Returns404(string method, string path)
    {
        using var response = await SendAsync(method, path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("404 page not found\n"));
    }

    [TestCaseSource(nameof(WrongMethodCases))]
    public async Task KnownPath_WrongMethod_Returns405WithoutBody(string method, string path)
    {
        using var response = await SendAsync(method, path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(ContentType(response), Is.Null);
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.False);
        }
    }

    [TestCase("GET", "/proxies")]
    [TestCase("POST", "/proxies")]
    [TestCase("GET", "/version")]
    [TestCase("POST", "/reset")]
    public async Task BrowserUserAgent_RoutedRequest_Returns403WithRequestId(string method, string path)
    {
        using var response = await SendAsync(method, path, method == "POST" ? "{}" : null, userAgent: "Mozilla/5.0 (X11; Linux x86_64)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(ContentType(response)?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("User agent not allowed\n"));
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        }
    }

    [TestCase("curl/8.5.0")]
    [TestCase("toxiproxy-cli/2.12.0 linux/amd64")]
    [TestCase("Wget/1.21")]
    [TestCase("Ruby")]
    [TestCase("axios/1.6.0")]
    [TestCase("mozilla/5.0")]
    [TestCase("Go-http-client/1.1")]
    public async Task NonBrowserUserAgent_RoutedRequest_Passes(string agent)
    {
        using var response = await SendAsync("GET", "/version", userAgent: agent);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

using System.Net;

namespace Impairment.Server.Tests;

public sealed class RouterTests : ApiTestBase
{
    [Test]
    public async Task Version_Get_ReturnsGoStyleJsonWithCharset()
    {
        using var response = await SendAsync("GET", "/version");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.NonValidated["Content-Type"].ToString(), Is.EqualTo("application/json;charset=utf-8"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"version\": \"2.12.0\"}\n"));
            Assert.That(response.Headers.GetValues("X-Toxiproxy-Request-Id").Single(), Has.Length.EqualTo(20));
        }
    }

    [TestCase("/nothing")]
    [TestCase("/proxies/")]
    [TestCase("/proxies/a/b/c/d")]
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

    [TestCase("PUT", "/proxies")]
    [TestCase("GET", "/reset")]
    [TestCase("GET", "/populate")]
    [TestCase("DELETE", "/version")]
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

    [Test]
    public async Task BrowserUserAgent_RoutedRequest_Returns403WithRequestId()
    {
        using var response = await SendAsync("GET", "/proxies", userAgent: "Mozilla/5.0 (X11; Linux x86_64)");
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
    public async Task NonBrowserUserAgent_RoutedRequest_Passes(string agent)
    {
        using var response = await SendAsync("GET", "/version", userAgent: agent);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reset_Post_Returns204AndClearsToxics()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","attributes":{"latency":5}}""")).Dispose();
        (await SendAsync("POST", $"/proxies/{proxy}", """{"enabled":false}""")).Dispose();

        using var response = await SendAsync("POST", "/reset", "ignored");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        using var after = await SendAsync("GET", $"/proxies/{proxy}");
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("\"enabled\":true").And.EndWith("\"toxics\":[]}"));
    }
}

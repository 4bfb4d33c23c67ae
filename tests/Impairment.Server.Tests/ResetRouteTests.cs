using System.Net;

namespace Impairment.Server.Tests;

/// <summary>POST /reset (spec 4.13): re-enables every proxy, removes every toxic, deletes nothing, ignores the body.</summary>
public sealed class ResetRouteTests : ApiTestBase
{
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

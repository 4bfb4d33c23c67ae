using System.Net;

namespace Impairment.Server.Tests;

/// <summary>GET /version (spec 4.1): Go's exact bytes, including the space, the newline and the charset.</summary>
public sealed class VersionRouteTests : ApiTestBase
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
}

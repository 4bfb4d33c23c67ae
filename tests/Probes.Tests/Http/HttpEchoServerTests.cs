using System.Text;
using Harness.TestSupport;

namespace Probes.Tests.Http;

/// <summary>The echo server the HTTP tests rely on answers a multi-byte body whole (Content-Length counts bytes).</summary>
public sealed class HttpEchoServerTests
{
    [Test]
    public async Task MultiByteBody_EchoedWhole()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var server = new HttpEchoServer();
        using var client = new HttpClient();
        const string body = "é+/=\"&<%€😀 secret";

        using var response = await client.PostAsync(server.BaseUri, new StringContent(body, Encoding.UTF8), cts.Token);

        Assert.That(await response.Content.ReadAsStringAsync(cts.Token), Is.EqualTo(body));
    }
}

using System.Net;
using Harness.Impairment.Server;

namespace Impairment.Server.Tests;

/// <summary>GET /metrics (spec 4.14) with -runtime-metrics: Prometheus text, any method, routed like the rest.</summary>
public sealed class MetricsRouteTests : ApiTestBase
{
    protected override ToxiproxyServerOptions Options => new() { Port = 0, RuntimeMetrics = true };

    [TestCase("GET")]
    [TestCase("POST")]
    [TestCase("DELETE")]
    public async Task Metrics_RuntimeFlag_AnyMethodServesProcessAndDotnetFamilies(string method)
    {
        using var response = await SendAsync(method, "/metrics");
        var text = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; version=0.0.4; charset=utf-8"));
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
            Assert.That(text, Does.Contain("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total "));
            Assert.That(text, Does.Contain("process_resident_memory_bytes ").And.Contain("process_start_time_seconds "));
            Assert.That(text, Does.Contain("dotnet_gc_collections_total{generation=\"0\"} ").And.Contain("dotnet_build_info{"));
            Assert.That(text, Does.Not.Contain("toxiproxy_proxy_"));
            Assert.That(text, Does.EndWith("\n"));
        }
    }

    [Test]
    public async Task Metrics_BrowserUserAgent_Returns403()
    {
        using var response = await SendAsync("GET", "/metrics", userAgent: "Mozilla/5.0");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

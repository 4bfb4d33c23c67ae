using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Impairment.Server;

namespace Impairment.Server.Tests;

/// <summary>-proxy-metrics on TCP proxies: live byte counters per direction with Toxiproxy's labels.</summary>
public sealed class TcpMetricsTests : ApiTestBase
{
    protected override ToxiproxyServerOptions Options =>
        new()
        {
            Port = 0,
            Seed = 4,
            ProxyMetrics = true,
        };

    [Test]
    public async Task Metrics_TcpEcho_CountsBytesLiveInBothDirectionsWhileConnectionStaysOpen()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateProxyAsync();
        var listen = JsonDocument
            .Parse(await (await SendAsync("GET", $"/proxies/{proxy}")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("listen")
            .GetString()!;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPEndPoint.Parse(listen), cts.Token);

        var payload = new byte[1000];
        await client.SendAsync(payload, SocketFlags.None, cts.Token);
        for (var received = 0; received < payload.Length; )
        {
            received += await client.ReceiveAsync(new byte[payload.Length], SocketFlags.None, cts.Token);
        }

        var text = await WaitForAsync(proxy, "sent", "downstream", 1000, cts.Token);
        var labels = $"listener=\"{listen}\",proxy=\"{proxy}\",upstream=\"{Echo.Address}\"";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("# TYPE toxiproxy_proxy_received_bytes_total counter\n"));
            Assert.That(text, Does.Contain($"toxiproxy_proxy_received_bytes_total{{direction=\"upstream\",{labels}}} 1000\n"));
            Assert.That(text, Does.Contain($"toxiproxy_proxy_sent_bytes_total{{direction=\"upstream\",{labels}}} 1000\n"));
            Assert.That(text, Does.Contain($"toxiproxy_proxy_received_bytes_total{{direction=\"downstream\",{labels}}} 1000\n"));
            Assert.That(text, Does.Contain($"toxiproxy_proxy_sent_bytes_total{{direction=\"downstream\",{labels}}} 1000\n"));
        }
    }

    /// <summary>
    /// The writer adds to "sent" just after its send returns, which can be just after the client has the bytes:
    /// bounded poll, each attempt one HTTP round trip.
    /// </summary>
    private async Task<string> WaitForAsync(string proxy, string kind, string direction, long expected, CancellationToken token)
    {
        var pattern =
            $"toxiproxy_proxy_{kind}_bytes_total\\{{direction=\"{direction}\",listener=\"[^\"]*\",proxy=\"{Regex.Escape(proxy)}\",upstream=\"[^\"]*\"\\}} (\\d+)";
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var text = await Http.GetStringAsync("/metrics", token);
            var match = Regex.Match(text, pattern);
            if (match.Success && long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= expected)
                return text;
        }
    }
}

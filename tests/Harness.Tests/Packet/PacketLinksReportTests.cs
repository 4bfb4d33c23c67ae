using System.Net;
using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Packet;

/// <summary>A run with two packet links: results.json lists both under <c>packet.links</c>, the reports show each by its proxy.</summary>
public sealed class PacketLinksReportTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json")
    );

    private static PacketModeResult Link(string proxy, string host, string service, double delayMs, long dropped)
    {
        var configured = new PacketConfigured(delayMs, 0, false, 1, null, 0, 0, null, 1000, null, false);
        var side = new PacketDirectionResult(
            configured,
            new PacketAchieved(500, 32_000, dropped, 0, 0, 0, 0, 0, 500, dropped / 5.0, delayMs, 3)
        );
        return new PacketModeResult("hp-abc123-s", host, service, [new PacketPhaseResult("steady", side, side)]) { Proxy = proxy };
    }

    private static RunResults WithTwoLinks()
    {
        var eu = Link("eu-link", "198.18.1.1", "198.18.1.2", 10, 4);
        var us = Link("us-link", "198.18.2.1", "198.18.2.2", 40, 7);
        return ReportFixtures.Results(failing: false) with { Packet = eu with { Links = [eu, us] } };
    }

    [Test]
    public void Json_ListsEveryLink_WithItsProxy_AndValidates()
    {
        var json = JsonSerializer.Serialize(WithTwoLinks(), ResultsJson.Options);
        var packet = JsonDocument.Parse(json).RootElement.GetProperty("packet");

        Assert.That(Schema.Validate(JsonDocument.Parse(json).RootElement), Is.Empty);
        Assert.That(packet.GetProperty("proxy").GetString(), Is.EqualTo("eu-link"), "the top level is the first link, as before");
        Assert.That(
            packet
                .GetProperty("links")
                .EnumerateArray()
                .Select(l => (l.GetProperty("proxy").GetString(), l.GetProperty("service_address").GetString())),
            Is.EqualTo(new[] { ("eu-link", "198.18.1.2"), ("us-link", "198.18.2.2") })
        );
        Assert.That(
            packet
                .GetProperty("links")[1]
                .GetProperty("phases")[0]
                .GetProperty("upstream")
                .GetProperty("achieved")
                .GetProperty("dropped")
                .GetInt64(),
            Is.EqualTo(7)
        );
    }

    [Test]
    public void Summary_HasOneTablePerLink_NamedAfterItsProxy()
    {
        var md = SummaryMarkdown.Render(WithTwoLinks());

        Assert.That(
            md,
            Does.Contain("### Packet link eu-link (hp-abc123-s, harness 198.18.1.1, service 198.18.1.2, upstream = towards the service)")
        );
        Assert.That(
            md,
            Does.Contain("### Packet link us-link (hp-abc123-s, harness 198.18.2.1, service 198.18.2.2, upstream = towards the service)")
        );
        Assert.That(md, Does.Contain("500 packets, lost 7 (1.4 %)"));
    }

    [Test]
    public void Html_ShowsEachLinksRows_WithItsName()
    {
        var html = WebUtility.HtmlDecode(HtmlReport.Render(WithTwoLinks()));

        Assert.That(html, Does.Contain("reached across 2 links, one per proxy"));
        Assert.That(html, Does.Contain("<td>us-link (198.18.2.1 -> 198.18.2.2)</td><td>steady</td><td>upstream</td>"));
        Assert.That(html, Does.Contain("<td>eu-link (198.18.1.1 -> 198.18.1.2)</td><td>steady</td><td>downstream</td>"));
    }

    [Test]
    public void OneLink_KeepsTheSingleLinkShape()
    {
        var one = Link("link", "198.18.1.1", "198.18.1.2", 10, 4);
        var results = ReportFixtures.Results(failing: false) with { Packet = one with { Links = [one] } };

        Assert.That(SummaryMarkdown.Render(results), Does.Contain("### Packet link (hp-abc123-s, upstream = towards the service)"));
        Assert.That(
            WebUtility.HtmlDecode(HtmlReport.Render(results)),
            Does.Contain("<td>steady</td><td>upstream</td>").And.Not.Contain("<td>link (")
        );
    }
}

using System.Net;
using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Packet;

public sealed class PacketResultsReportTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json")
    );

    private static RunResults WithPacket()
    {
        var clean = new PacketConfigured(0, 0, false, 0, null, 0, 0, null, 1000, null, false);
        var lossy = new PacketConfigured(40, 10, false, 3, null, 1, 0, 125_000, 100, 1400, false);
        var bursty = clean with
        {
            LossPercent = 3.85,
            Bursts = "gilbert-elliott p_good_to_bad 1%, p_bad_to_good 25%, loss_bad 100%, expected 3.85%",
        };
        PacketDirectionResult Side(PacketConfigured c, long dropped) =>
            new(c, new PacketAchieved(1000, 64_000, dropped, 2, 1, 10, 0, 4, 900, dropped / 10.0, 41.5, 7));
        return ReportFixtures.Results(failing: false) with
        {
            Packet = new PacketModeResult(
                "hp-abc123-s",
                "198.18.1.1",
                "198.18.1.2",
                [
                    new PacketPhaseResult("clean", Side(clean, 0), Side(bursty, 0)),
                    new PacketPhaseResult("lossy", Side(lossy, 31), Side(lossy, 29)),
                ]
            ),
        };
    }

    [Test]
    public void PacketSection_IsDeclaredInTheSchema_AndRoundTrips()
    {
        var results = WithPacket();
        var json = JsonSerializer.Serialize(results, ResultsJson.Options);

        Assert.That(Schema.Validate(JsonDocument.Parse(json).RootElement), Is.Empty);
        Assert.That(
            JsonSerializer.Deserialize<RunResults>(json, ResultsJson.Options)!.Packet,
            Is.EqualTo(results.Packet)
                .Using<PacketModeResult>(
                    (a, b) => JsonSerializer.Serialize(a, ResultsJson.Options) == JsonSerializer.Serialize(b, ResultsJson.Options)
                )
        );
    }

    [Test]
    public void HtmlReport_ShowsConfiguredAgainstAchieved_PerPhaseAndDirection()
    {
        var html = WebUtility.HtmlDecode(HtmlReport.Render(WithPacket()));

        Assert.That(html, Does.Contain("<section id=\"packet-link\">"));
        Assert.That(html, Does.Contain("delay 40 ms ± 10 ms, loss 3 %, duplicate 1 %, rate 125 KB/s, queue 100, mtu 1400"));
        Assert.That(
            html,
            Does.Contain("1000 packets, lost 31 (3.1 %), held 41.5 ms mean, queue drops 2, mtu drops 1, duplicated 10, reordered 4")
        );
        Assert.That(html, Does.Contain("gilbert-elliott p_good_to_bad 1%"));
    }

    private static RunResults WithClientLink()
    {
        var results = WithPacket();
        var far = new PacketConfigured(75, 0, false, 2, null, 0, 0, null, 1000, null, false);
        var side = new PacketDirectionResult(far, new PacketAchieved(420, 30_000, 9, 0, 0, 0, 0, 0, 411, 2.143, 75.2, 3));
        var client = new PacketModeResult("hp-abc123-c", "198.18.1.5", "198.18.1.6", [new PacketPhaseResult("lossy", side, side)]);
        return results with { Packet = results.Packet! with { Client = client } };
    }

    [Test]
    public void ClientLink_InTheSummary_ConfiguredAgainstAchieved()
    {
        var md = SummaryMarkdown.Render(WithClientLink());

        Assert.That(md, Does.Contain("### Client namespace link (hp-abc123-c, client 198.18.1.5, upstream = towards the service)"));
        var clientTable = md[md.IndexOf("### Client namespace link", StringComparison.Ordinal)..];
        Assert.That(
            clientTable,
            Does.Contain(
                "| lossy | upstream | delay 75 ms ± 0 ms, loss 2 % | 420 packets, lost 9 (2.14 %), held 75.2 ms mean, queue depth ≤ 3 |"
            )
        );
        Assert.That(SummaryMarkdown.Render(WithPacket()), Does.Not.Contain("Client namespace link"));
    }

    [Test]
    public void ClientLink_InTheHtmlReport_ConfiguredAgainstAchieved()
    {
        var html = WebUtility.HtmlDecode(HtmlReport.Render(WithClientLink()));

        var section = html[html.IndexOf("<section id=\"packet-link\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.That(section, Does.Contain("Client namespace link").And.Contain("hp-abc123-c").And.Contain("198.18.1.5"));
        Assert.That(section, Does.Contain("420 packets, lost 9 (2.14 %), held 75.2 ms mean, queue depth ≤ 3"));
        Assert.That(section, Does.Contain("delay 75 ms ± 0 ms, loss 2 %"));
        Assert.That(WebUtility.HtmlDecode(HtmlReport.Render(WithPacket())), Does.Not.Contain("Client namespace link"));
    }

    [Test]
    public void ResetsForged_ShownWhenThereWereAny_AndRoundTrip()
    {
        var results = WithPacket();
        var phase = results.Packet!.Phases[1];
        var reset = phase with { Upstream = phase.Upstream with { Achieved = phase.Upstream.Achieved with { ResetsForged = 3 } } };
        results = results with { Packet = results.Packet with { Phases = [results.Packet.Phases[0], reset] } };
        var json = JsonSerializer.Serialize(results, ResultsJson.Options);

        Assert.That(Schema.Validate(JsonDocument.Parse(json).RootElement), Is.Empty);
        Assert.That(json, Does.Match("\"resets_forged\": ?3"));
        Assert.That(SummaryMarkdown.Render(results), Does.Contain("reordered 4, resets forged 3, queue depth ≤ 7 |"));
        Assert.That(SummaryMarkdown.Render(WithPacket()), Does.Not.Contain("resets forged"));
    }

    [Test]
    public void Summary_HasThePacketLinkTable_OnlyInPacketMode()
    {
        Assert.That(
            SummaryMarkdown.Render(WithPacket()),
            Does.Contain("### Packet link (hp-abc123-s").And.Contain("| lossy | downstream |")
        );
        Assert.That(SummaryMarkdown.Render(ReportFixtures.Results(failing: false)), Does.Not.Contain("Packet link"));
        Assert.That(HtmlReport.Render(ReportFixtures.Results(failing: false)), Does.Not.Contain("packet-link"));
    }
}

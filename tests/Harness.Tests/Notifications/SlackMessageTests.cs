using System.Text.Json;
using Harness.Metrics;
using Harness.Notifications;
using Harness.Reports.Model;
using Harness.Tests.Reports;

namespace Harness.Tests.Notifications;

public sealed class SlackMessageTests
{
    private const string Hostile = "\"<b>&amp;</b>\\\n`";

    private static RunResults HostileFailure()
    {
        var r = ReportFixtures.Results(thresholdText: $"http_req_duration{{x:{Hostile}}} p(95) < 250ms", error: $"target said {Hostile}");
        return r with
        {
            Probes =
            [
                r.Probes[0] with
                {
                    Name = $"api{Hostile}",
                    Errors =
                    [
                        new ErrorTally(
                            "http_req_failed",
                            $"status_{Hostile}",
                            9,
                            ReportFixtures.Start,
                            ReportFixtures.Start.AddSeconds(1),
                            "slow",
                            $"reason {Hostile}"
                        ),
                    ],
                },
            ],
            Thresholds = [r.Thresholds[0] with { Probe = $"api{Hostile}" }],
        };
    }

    [Test]
    public void Render_HostileThresholdsAndReasons_ValidJsonWithTheTextEscapedForSlack()
    {
        var json = SlackMessage.Render(HostileFailure(), NotifyReason.Failed, "/r/<x>&/index.html");

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.That(root.GetProperty("text").GetString(), Does.StartWith("harness: demo: FAILED (exit 1, newly failing)"));
        var sections = root.GetProperty("blocks")
            .EnumerateArray()
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()!)
            .ToList();
        var all = string.Join("\n", sections);
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("blocks")[0].GetProperty("type").GetString(), Is.EqualTo("header"));
            Assert.That(all, Does.Contain("*Failing thresholds*"));
            Assert.That(all, Does.Contain("x:\"&lt;b&gt;&amp;amp;&lt;/b&gt;\\\n`} p(95) &lt; 250ms"), "threshold, escaped for mrkdwn");
            Assert.That(all, Does.Contain("observed 302 ms, limit &lt; 250 ms"));
            Assert.That(all, Does.Contain("*Top error reasons*"));
            Assert.That(all, Does.Contain("target said \"&lt;b&gt;&amp;amp;&lt;/b&gt;"));
            Assert.That(all, Does.Contain("9 http_req_failed: status_\"&lt;b&gt;"));
            Assert.That(all, Does.Contain("Report: /r/&lt;x&gt;&amp;/index.html"));
            Assert.That(all, Does.Not.Contain("<b>"));
        });
    }

    [Test]
    public void Render_Recovery_SaysSoAndListsNoFailures()
    {
        var json = SlackMessage.Render(ReportFixtures.Results(failing: false), NotifyReason.Recovered, "/r/index.html");

        using var document = JsonDocument.Parse(json);
        Assert.That(
            document.RootElement.GetProperty("text").GetString(),
            Is.EqualTo("harness: demo: PASSED (exit 0, recovered: passed after a failed run)")
        );
        Assert.That(json, Does.Not.Contain("Failing thresholds"));
    }

    [Test]
    public void Render_ManyFailures_ListsTenAndCountsTheRest()
    {
        var r = ReportFixtures.Results();
        var many = Enumerable.Range(0, 15).Select(i => r.Thresholds[0] with { Expression = $"t{i} < 1" }).ToList();

        var json = SlackMessage.Render(r with { Thresholds = many }, NotifyReason.Failed, "/r");

        Assert.That(json, Does.Contain("t9 &lt; 1").Or.Contain("t9 \\u0026lt; 1"));
        Assert.That(json, Does.Not.Contain("t10 "));
        Assert.That(json, Does.Contain("... and 5 more"));
    }
}

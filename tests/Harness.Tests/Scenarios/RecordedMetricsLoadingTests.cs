using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Numbers a scenario names itself: a browser <c>record</c> step and WebSocket <c>metrics</c> fields become
/// metrics thresholds can use, scoped by participant attributes (client_version and free attributes).
/// </summary>
public sealed class RecordedMetricsLoadingTests
{
    private static LoadResult Load(string probes, string thresholds = "") =>
        ScenarioLoader.LoadText(
            $$"""
            name: k
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 5s } ]
            probes:
            {{probes}}
            {{thresholds}}
            """,
            "/tmp/k.yaml",
            "k.yaml"
        );

    private const string Browser = """
          - browser:
              name: room
              pass_attributes: [query, script, header]
              participants:
                - { name: old, client_version: "2.3", attributes: { network: lossy } }
                - { name: new, client_version: "2.4", count: 2 }
              steps:
                - goto: /room/1
                - record: { metric: echo_count, js: "window.echoCount" }
                - record: { metric: frames_seen, selector: "#frames" }
        """;

    [Test]
    public void RecordStep_AndAttributes_AreRead()
    {
        var result = Load(
            Browser,
            """
            thresholds:
              room:
                - "echo_count{client_version:2.3,network:lossy} max == 0"
                - "frames_seen p(50) > 10"
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var browser = (BrowserProbeSpec)result.Scenario!.Probes[0];
        Assert.That(browser.Steps[1], Is.EqualTo(new RecordStep("echo_count") { Script = "window.echoCount" }));
        Assert.That(browser.Steps[2], Is.EqualTo(new RecordStep("frames_seen") { Selector = "#frames" }));
        Assert.That(browser.PassAttributes, Is.EqualTo(AttributeDelivery.Query | AttributeDelivery.Script | AttributeDelivery.Header));
        Assert.That(browser.Participants[0].Attributes, Is.EqualTo(new Dictionary<string, string> { ["network"] = "lossy" }));
        Assert.That(result.Scenario.Thresholds.Select(t => t.Expression.Metric), Is.EqualTo(new[] { "echo_count", "frames_seen" }));
    }

    [Test]
    public void WebSocketMetricFields_AreRead_AndTaggedWithClientVersion()
    {
        var result = Load(
            """
              - websocket:
                  name: crowd
                  url: /ws/room/1
                  client_version: "2.3"
                  attributes: { network: lossy }
                  pass_attributes: [query]
                  metrics: [ { metric: frame_size, field: payload.size }, { metric: echoes, field: stats.echo } ]
            """,
            """
            thresholds:
              crowd:
                - "echoes{client_version:2.3,network:lossy} max == 0"
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var ws = (WebSocketProbeSpec)result.Scenario!.Probes[0];
        Assert.That(
            ws.MetricFields,
            Is.EqualTo(new[] { new WebSocketMetricField("frame_size", "payload.size"), new WebSocketMetricField("echoes", "stats.echo") })
        );
        Assert.That(ws.Tags, Is.EqualTo(new Dictionary<string, string> { ["client_version"] = "2.3", ["network"] = "lossy" }));
        Assert.That(ws.Url.Query, Is.EqualTo("?client_version=2.3&network=lossy"));
    }

    [TestCase("\"echo_cnt max == 0\"", "unknown metric 'echo_cnt' (did you mean 'echo_count'?)")]
    [TestCase("\"echo_count{client_version:2.5} max == 0\"", "has no client_version '2.5'")]
    [TestCase("\"echo_count{network:wifi} max == 0\"", "has no network 'wifi'")]
    [TestCase("\"echo_count rate < 1\"", "'rate' does not apply to echo_count")]
    public void Thresholds_OnRecordedMetrics_AreChecked(string threshold, string expected)
    {
        var result = Load(Browser, $"thresholds: {{ room: [ {threshold} ] }}");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected));
    }

    [TestCase("- record: { metric: echo_count }", "record step: give exactly one of js, selector")]
    [TestCase("- record: { metric: Echo-Count, js: x }", "record metric 'Echo-Count' must be lower case letters, digits and _")]
    [TestCase("- record: { metric: checks, js: x }", "record metric 'checks' is a built-in metric")]
    [TestCase("- record: { metric: e, js: x, selctor: y }", "unknown key 'selctor' (did you mean 'selector'?)")]
    public void InvalidRecordStep_ReportsLocatedError(string step, string expected)
    {
        var result = Load(
            $$"""
              - browser: { name: b, steps: [ { goto: / } ] }
              - browser:
                  name: c
                  steps:
                    {{step}}
            """
        );

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^k\.yaml:\d+:\d+: "));
    }

    [Test]
    public void RecordedMetric_OfAnotherProbe_IsNotMeasuredHere()
    {
        var result = Load(Browser + "\n  - http: { name: api, url: /api }", "thresholds: { api: [ \"echo_count max == 0\" ] }");

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.Contains("metric 'echo_count' is not measured by http probe 'api'")
        );
    }

    [Test]
    public void UnknownPassAttributesMode_IsAnError()
    {
        var result = Load(
            """
              - browser: { name: b, pass_attributes: [qurey], steps: [ { goto: / } ] }
            """
        );

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.Contains("pass_attributes 'qurey' (did you mean 'query'?) must be one of query, script, header")
        );
    }
}

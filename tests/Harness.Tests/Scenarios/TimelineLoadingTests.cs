using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

public sealed class TimelineLoadingTests
{
    private const string Template = """
        name: storm
        target: { allow_hosts: [127.0.0.1] }
        network:
          proxies: [ { name: edge, upstream: 127.0.0.1:5080 } ]
        timeline:
          - phase: flip
            duration: 10s
            repeat: 2
            toxics: [ { proxy: edge, type: latency, name: lag, latency: 50ms } ]
            events:
        EVENTS
        probes:
          - http: { name: api, url: http://127.0.0.1:5080/ }
        """;

    private static LoadResult Load(string events) =>
        ScenarioLoader.LoadText(Template.Replace("EVENTS", events, StringComparison.Ordinal), "/tmp/s.yaml", "s.yaml");

    [Test]
    public void Events_EveryKind_AreTypedAndOrderedByOffset()
    {
        var result = Load(
            """
                  - { at: 5s, reset_connections: edge }
                  - { at: 1s, disable: edge }
                  - { at: 2s, enable: edge }
                  - { at: 0s, flap: { proxy: edge, period: 2s, down: 500ms } }
                  - { at: 3s, ramp: { proxy: edge, toxic: lag, attribute: latency, from: 50ms, to: 1s, over: 4s } }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var phases = result.Scenario!.Timeline;
        Assert.That(phases, Has.Count.EqualTo(2), "repeat: 2");
        Assert.That(
            phases[0].Events.Select(e => e.Action),
            Is.EqualTo(
                new PhaseEventAction[]
                {
                    new FlapAction("edge", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)),
                    new SetProxyEnabledAction("edge", false),
                    new SetProxyEnabledAction("edge", true),
                    new RampAction("edge", "lag", "latency", 50, 1000, TimeSpan.FromSeconds(4)),
                    new ResetConnectionsAction("edge"),
                }
            )
        );
    }

    [TestCase("      - { at: 1s, disable: edge, enable: edge }", "give exactly one action")]
    [TestCase("      - { at: 12s, disable: edge }", "falls outside its phase")]
    [TestCase("      - { disable: egde }", "proxy 'egde' is not declared under network.proxies (did you mean 'edge'?)")]
    [TestCase(
        "      - { ramp: { proxy: edge, toxic: lagg, attribute: latency, from: 0ms, to: 1s } }",
        "this phase has no toxic 'lagg' on proxy 'edge'; it has lag"
    )]
    [TestCase("      - { ramp: { proxy: edge, toxic: lag, attribute: rate, from: 0, to: 1 } }", "'rate' is not an attribute of latency")]
    [TestCase("      - { flap: { proxy: edge, period: 1s, down: 2s } }", "'down' must be shorter than 'period'")]
    [TestCase("      - { at: 1s, explode: edge }", "unknown key 'explode'")]
    public void Events_Invalid_AreLocatedErrors(string events, string expected)
    {
        var result = Load(events);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^s\.yaml:\d+:\d+: "));
    }
}

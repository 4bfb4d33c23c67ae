using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary>A toxic attribute above its maximum is reported with its range, not as "must be at least" its minimum.</summary>
public sealed class ToxicRangeMessageTests
{
    [TestCase("loss", "probability_ppm: 2000000", "loss probability_ppm: must be 0 to 1000000")]
    [TestCase("refuse", "rst: 2", "refuse rst: must be 0 to 1")]
    [TestCase("slicer", "average_size: 0", "slicer average_size: must be at least 1")]
    public void Load_AttributeOutOfRange_SaysTheRange(string type, string attribute, string message)
    {
        var result = ScenarioLoader.LoadText(
            $$"""
            name: t
            target: { allow_hosts: [127.0.0.1] }
            network: { proxies: [ { name: edge, upstream: "127.0.0.1:9" } ] }
            timeline: [ { phase: p, duration: 1s, toxics: [ { proxy: edge, type: {{type}}, {{attribute}} } ] } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:9/" } } ]
            """,
            "t.yaml"
        );

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.One.EqualTo(message));
    }
}

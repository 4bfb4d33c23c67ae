using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

public sealed class ServiceExitsLoadingTests
{
    private static LoadResult Load(string exits) =>
        ScenarioLoader.LoadText(
            $$"""
            name: s
            target: { allow_hosts: [127.0.0.1] }
            services:
              - { name: migrate, command: [sh, -c, "exit 0"]{{exits}} }
              - { name: api, command: [sleep, "60"] }
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:1/" } } ]
            """,
            "/tmp/s.yaml",
            "s.yaml"
        );

    [Test]
    public void Loader_ServiceExitsTrue_IsReadAndOtherServicesDefaultToFalse()
    {
        var result = Load(", exits: true");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Services.Select(s => (s.Name, s.Exits)), Is.EqualTo(new[] { ("migrate", true), ("api", false) }));
    }

    [Test]
    public void Loader_ServiceExitsNotABoolean_IsRejectedWithItsLocation()
    {
        var result = Load(", exits: sometimes");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^s\.yaml:4:\d+: service exits must be true or false$"));
    }
}

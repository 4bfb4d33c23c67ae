using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary><c>${students_${full}}</c>: a variable picks which variable to use, so one switch scales a scenario.</summary>
public sealed class NestedReferenceTests
{
    private static LoadResult Load(string full, string? overrideFull = null) =>
        ScenarioLoader.LoadText(
            $$$"""
            name: t
            variables:
              full: "{{{full}}}"
              students_false: "2"
              students_true: "40"
              label: "size-${students_${full}}"
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - websocket: { name: ws, url: "/ws/${label}", clients: "${students_${full}}" }
            """,
            "/tmp/t.yaml",
            "t.yaml",
            new Dictionary<string, string>(),
            overrideFull is null ? null : new Dictionary<string, string> { ["full"] = overrideFull }
        );

    [TestCase("false", null, 2)]
    [TestCase("true", null, 40)]
    [TestCase("false", "true", 40)]
    public void InnerReference_NamesTheOuterOne(string full, string? overrideFull, int clients)
    {
        var result = Load(full, overrideFull);

        Assert.That(result.Diagnostics, Is.Empty);
        var ws = (Harness.Scenarios.Model.WebSocketProbeSpec)result.Scenario!.Probes[0];
        Assert.That(ws.Clients, Is.EqualTo(clients));
        Assert.That(ws.Url.AbsolutePath, Is.EqualTo($"/ws/size-{clients}"));
    }

    [Test]
    public void InnerReference_ToAnUndeclaredOuterName_IsAnError()
    {
        var result = Load("maybe");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("undefined variable 'students_maybe'"));
    }
}

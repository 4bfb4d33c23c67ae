using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary>The scenario keys of the reconnect-storm incident: max_connecting, and references whose name holds a reference.</summary>
public sealed class StormKeysLoadingTests
{
    private static LoadResult Load(string variables, string websocket, IReadOnlyDictionary<string, string>? overrides = null) =>
        ScenarioLoader.LoadText(
            $$"""
            name: s
            variables:
            {{variables}}
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - websocket: {{websocket}}
            """,
            "/tmp/s.yaml",
            "s.yaml",
            new Dictionary<string, string>(),
            overrides
        );

    [Test]
    public void MaxConnecting_IsRead_AndDefaultsToUnbounded()
    {
        var set = Load("  x: \"1\"", "{ name: w, url: /ws, clients: 400, max_connecting: 50 }");
        var unset = Load("  x: \"1\"", "{ name: w, url: /ws, clients: 400 }");

        Assert.That(set.Diagnostics, Is.Empty);
        Assert.That(((WebSocketProbeSpec)set.Scenario!.Probes[0]).MaxConnecting, Is.EqualTo(50));
        Assert.That(((WebSocketProbeSpec)unset.Scenario!.Probes[0]).MaxConnecting, Is.Null);
    }

    [Test]
    public void MaxConnecting_Zero_IsALocatedError()
    {
        var result = Load("  x: \"1\"", "{ name: w, url: /ws, max_connecting: 0 }");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^s\.yaml:7:\d+: .*max_connecting"));
    }

    [TestCase("on", "immediate")]
    [TestCase("off", "exponential")]
    public void NestedReference_PicksTheVariableNamedByAnother(string bug, string expected)
    {
        var result = Load(
            "  bug: \"on\"\n  policy_on: immediate\n  policy_off: exponential\n  chosen: ${policy_${bug}}",
            "{ name: w, url: \"/ws/${chosen}/${policy_${bug}}\" }",
            new Dictionary<string, string> { ["bug"] = bug }
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Probes[0].Url.AbsolutePath, Is.EqualTo($"/ws/{expected}/{expected}"));
    }

    [Test]
    public void NestedReference_ToAnUndeclaredName_NamesTheExpandedName()
    {
        var result = Load("  bug: maybe\n  policy_on: immediate", "{ name: w, url: \"/ws/${policy_${bug}}\" }");

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.StartsWith("undefined variable 'policy_maybe'"));
    }
}

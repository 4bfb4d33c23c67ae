using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary>
/// <c>name: { by: other, value-of-other: value, ... }</c>: a variable chosen by another (one switch scales several values).
/// </summary>
public sealed class VariableChoiceTests
{
    private const string Variables = """
          full: "false"
          clients: { by: full, "false": "4", "true": "400" }
          path: "/rooms/${clients}"
        """;

    private static LoadResult Load(string variables, Dictionary<string, string>? overrides = null) =>
        ScenarioLoader.LoadText(
            $$"""
            name: t
            variables:
            {{variables}}
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "${path}" }
            """,
            "/tmp/t.yaml",
            "t.yaml",
            new Dictionary<string, string>(),
            overrides
        );

    [Test]
    public void Choice_TakesTheEntryItsSelectorNames_AlsoWhenTheSelectorIsSetFromTheCommandLine()
    {
        var byDefault = Load(Variables);
        var full = Load(Variables, new Dictionary<string, string> { ["full"] = "true" });

        Assert.That(byDefault.Diagnostics, Is.Empty);
        Assert.That(byDefault.Scenario!.Probes[0].Url.AbsolutePath, Is.EqualTo("/rooms/4"));
        Assert.That(full.Scenario!.Probes[0].Url.AbsolutePath, Is.EqualTo("/rooms/400"));
    }

    [Test]
    public void Choice_ItselfSetFromTheCommandLine_WinsOverTheTable()
    {
        var result = Load(Variables, new Dictionary<string, string> { ["clients"] = "9" });

        Assert.That(result.Scenario!.Probes[0].Url.AbsolutePath, Is.EqualTo("/rooms/9"));
    }

    [TestCase(
        "  full: \"maybe\"\n  clients: { by: full, \"false\": \"4\", \"true\": \"400\" }\n  path: /${clients}",
        "t.yaml:4:12: variable 'clients' has no value for full=maybe; its choices are false, true"
    )]
    [TestCase(
        "  clients: { by: nothing, \"false\": \"4\" }\n  path: /${clients}",
        "variable 'clients' is chosen by 'nothing', which is not a declared variable with a value"
    )]
    [TestCase(
        "  a: { by: b, x: \"1\" }\n  b: { by: a, y: \"2\" }\n  path: /${a}",
        "which is not a declared variable with a value (or chooses by"
    )]
    public void Choice_Invalid_IsALocatedError(string variables, string expected)
    {
        var result = Load(variables);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^t\.yaml:\d+:\d+: "));
    }
}

using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary><c>--var NAME=VALUE</c>: overrides a declared variable; an undeclared name fails the load, naming what is declared.</summary>
public sealed class VariableOverrideTests
{
    private const string Text = """
        name: t
        variables:
          host: app.test
          delay: "0"
          path: /rooms/${delay}
        target: { base_url: "http://${host}", allow_hosts: [app.test] }
        timeline: [ { phase: a, duration: 1s } ]
        probes:
          - http: { name: api, url: "${path}?d=${delay}" }
        """;

    private static LoadResult Load(string text, Dictionary<string, string> overrides) =>
        ScenarioLoader.LoadText(text, "/tmp/t.yaml", "t.yaml", new Dictionary<string, string>(), overrides);

    [Test]
    public void Override_ReplacesTheDeclaredValueEverywhereItIsUsed()
    {
        var result = Load(Text, new() { ["delay"] = "100" });

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(
            result.Scenario!.Probes[0].Url.ToString(),
            Is.EqualTo("http://app.test/rooms/100?d=100"),
            "also inside another variable"
        );
        Assert.That(result.Scenario.ResolvedYaml, Does.Contain("d=100"));
    }

    [Test]
    public void Override_IsTakenLiterally()
    {
        var result = Load(Text, new() { ["delay"] = "${host}" });

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Probes[0].Url.ToString(), Does.Contain("d=$%7Bhost%7D").Or.Contain("d=${host}"));
    }

    [Test]
    public void UnknownName_IsAnErrorWithDidYouMeanAndTheDeclaredNames()
    {
        var result = Load(Text, new() { ["dealy"] = "100", ["zzz"] = "1" });

        Assert.That(result.Succeeded, Is.False);
        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Is.EqualTo(
                new[]
                {
                    "t.yaml:2:1: cannot set 'dealy' from the command line (--var, --baseline, --candidate): no such variable under variables: (did you mean 'delay'?); the scenario declares host, delay, path",
                    "t.yaml:2:1: cannot set 'zzz' from the command line (--var, --baseline, --candidate): no such variable under variables:; the scenario declares host, delay, path",
                }
            )
        );
    }

    [Test]
    public void Override_WithoutAVariablesMapping_SaysThereAreNone()
    {
        var result = Load(
            """
            name: t
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "/" }
            """,
            new() { ["delay"] = "1" }
        );

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Is.EqualTo(
                new[]
                {
                    "cannot set 'delay' from the command line (--var, --baseline, --candidate): no such variable under variables:; the scenario declares no variables (add a variables: mapping)",
                }
            )
        );
    }

    [Test]
    public void NoOverrides_LoadAsBefore()
    {
        var result = Load(Text, []);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Probes[0].Url.ToString(), Is.EqualTo("http://app.test/rooms/0?d=0"));
    }
}

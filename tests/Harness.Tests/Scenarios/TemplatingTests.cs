using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

public sealed class TemplatingTests
{
    private static LoadResult Load(string variables, string probeUrl, IReadOnlyDictionary<string, string>? env = null) =>
        ScenarioLoader.LoadText(
            $$"""
            name: t
            variables:
            {{variables}}
            target: { base_url: "http://${host}", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "{{probeUrl}}" }
            """,
            "/tmp/t.yaml",
            "t.yaml",
            env ?? new Dictionary<string, string>()
        );

    [Test]
    public void Variables_AndEnvironment_AreExpandedAndEnvValuesAreSecret()
    {
        var result = Load(
            "  host: app.test\n  room: \"7\"\n  token: ${env:ROOM_TOKEN}",
            "/rooms/${room}?t=${token}",
            new Dictionary<string, string> { ["ROOM_TOKEN"] = "s3cr3t" }
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Probes[0].Url.ToString(), Is.EqualTo("http://app.test/rooms/7?t=s3cr3t"));
        Assert.That(result.Scenario.Secrets, Is.EqualTo(new[] { "s3cr3t" }));
        Assert.That(result.Scenario.ResolvedYaml, Does.Contain("t=***").And.Not.Contain("s3cr3t"));
    }

    [Test]
    public void UndefinedVariable_IsLocatedAtTheReference()
    {
        var result = Load("  host: app.test", "/rooms/${rom}");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^t\.yaml:7:\d+: undefined variable 'rom'"));
    }

    [Test]
    public void MissingEnvironmentVariable_IsAnError()
    {
        var result = Load("  host: app.test\n  token: ${env:NOPE}", "/x");

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.EqualTo("environment variable 'NOPE' is not set (referenced as ${env:NOPE})")
        );
    }

    [Test]
    public void VariableCycle_IsReportedWithItsPath()
    {
        var result = Load("  host: ${a}\n  a: ${b}\n  b: ${a}", "/x");

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("refers to itself through"));
    }

    [Test]
    public void EscapedDollar_AndServicePort_AreLeftAlone()
    {
        var result = Load("  host: app.test", "/price/$${amount}");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Uri.UnescapeDataString(result.Scenario!.Probes[0].Url.AbsolutePath), Is.EqualTo("/price/${amount}"));
    }

    [Test]
    public void Redactor_MasksLongestSecretFirst()
    {
        Assert.That(new Redactor(["abc", "abcdef"]).Apply("x abcdef y abc"), Is.EqualTo("x *** y ***"));
    }
}

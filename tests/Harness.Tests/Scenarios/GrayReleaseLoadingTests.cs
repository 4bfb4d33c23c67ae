using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary><c>versions:</c>, a probe's <c>split:</c> and <c>gray_release:</c>: read, checked, located.</summary>
public sealed class GrayReleaseLoadingTests
{
    private const string Versions = """
        versions:
          A: { host: a.app.test }
          B: { host: b.app.test }
        """;

    private static LoadResult Load(string probes, string extra = Versions) =>
        ScenarioLoader.LoadText(
            $$"""
            name: g
            target: { base_url: http://app.test, allow_hosts: [app.test, a.app.test, b.app.test] }
            {{extra}}
            timeline: [ { phase: a, duration: 10s } ]
            probes:
            {{probes}}
            """,
            "/tmp/g.yaml",
            "g.yaml"
        );

    [Test]
    public void Split_DeclaredVersions_GivesTheProbeItsShares()
    {
        var result = Load(
            """
              - http: { name: join, url: /join, follow_redirects: true, split: { A: 90, B: 10 } }
              - websocket: { name: room, url: /ws, clients: 4, split: { A: 1, B: 1 } }
            """,
            Versions + "\ngray_release: { baseline: A, candidate: B, metrics: [http_req_duration], min_effect: 20ms }"
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var scenario = result.Scenario!;
        Assert.That(
            scenario.Probes[0].Split,
            Is.EqualTo(new[] { new VersionShare("A", "a.app.test", 90), new VersionShare("B", "b.app.test", 10) })
        );
        Assert.That(((HttpProbeSpec)scenario.Probes[0]).FollowRedirects, Is.True);
        Assert.That(scenario.Versions.Select(v => v.Name), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(
            scenario.GrayRelease,
            Is.EqualTo(new GrayReleaseGateSpec("A", "B", ["http_req_duration"], 20, null))
                .Using<GrayReleaseGateSpec>(
                    (x, y) =>
                        x.Baseline == y.Baseline
                        && x.Candidate == y.Candidate
                        && x.Metrics.SequenceEqual(y.Metrics)
                        && x.MinEffectMs == y.MinEffectMs
                )
        );
    }

    [Test]
    public void Thresholds_ScopedToAVersion_AreAcceptedOnSplitProbesOnly()
    {
        var ok = Load(
            "  - http: { name: join, url: /join, split: { A: 1, B: 1 } }",
            Versions
                + """

                thresholds:
                  join: [ "http_req_duration{version:B} p(95) < 300ms" ]
                """
        );
        var unknownValue = Load(
            "  - http: { name: join, url: /join, split: { A: 1, B: 1 } }",
            Versions
                + """

                thresholds:
                  join: [ "http_req_duration{version:C} p(95) < 300ms" ]
                """
        );

        Assert.That(ok.Diagnostics, Is.Empty);
        Assert.That(unknownValue.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("C"));
    }

    [TestCase(
        "  - http: { name: j, url: /j, split: { A: 50, C: 50 } }",
        "g.yaml:8:47: probe 'j': split names version 'C' (did you mean 'A'?), but versions declares A, B"
    )]
    [TestCase("  - http: { name: j, url: /j, split: { A: 0, B: 0 } }", "probe 'j': split needs at least one version with a weight above 0")]
    [TestCase("  - http: { name: j, url: /j, split: { A: x, B: 1 } }", "split weight of version 'A'")]
    [TestCase("  - http: { name: j, url: /j, split: [A, B] }", "split must map versions to weights")]
    [TestCase("  - websocket: { name: w, url: /ws, clients: 1, split: { A: 1, B: 1 } }", "1 client(s) cannot be split between 2 versions")]
    [TestCase("  - http: { name: j, url: /j, follow_redirects: yes }", "http probe follow_redirects must be true or false, got 'yes'")]
    public void Split_Invalid_IsALocatedError(string probes, string expected)
    {
        var result = Load(probes);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^g\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Split_WithoutVersions_SaysWhatIsMissing()
    {
        var result = Load("  - http: { name: j, url: /j, split: { A: 1, B: 1 } }", "");

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.Contains("split needs the versions it splits between under versions:")
        );
    }

    [TestCase(
        "versions:\n  A: { host: a.app.test }\n  B: { host: nope.test }",
        "version 'B' reaches host 'nope.test', which is not in target.allow_hosts"
    )]
    [TestCase("versions:\n  A: { host: a.app.test }", "versions: declare at least two versions")]
    [TestCase("versions:\n  A: { }\n  B: { host: b.app.test }", "version 'A': missing required key 'host'")]
    [TestCase(
        Versions + "\ngray_release: { baseline: A, candidate: Bee }",
        "gray_release candidate 'Bee' is not a declared version (did you mean 'B'?)"
    )]
    [TestCase(Versions + "\ngray_release: { baseline: A, candidate: A }", "gray_release candidate must differ from the baseline")]
    [TestCase(
        Versions + "\ngray_release: { baseline: A, candidate: B, metrics: [http_req_durations] }",
        "unknown metric 'http_req_durations'"
    )]
    [TestCase(
        Versions + "\ngray_release: { baseline: A, candidate: B, min_effect: lots }",
        "gray_release min_effect: 'lots' is not a duration"
    )]
    [TestCase(
        Versions + "\ngray_release: { baseline: A, candidate: B, min_effect: much }",
        "min_effect 'much' must be a duration (20ms) or a share"
    )]
    [TestCase(Versions + "\ngray_release: { baseline: A, candidate: B, typo: 1 }", "typo")]
    public void Versions_AndGate_Invalid_AreLocatedErrors(string extra, string expected)
    {
        var result = Load("  - http: { name: j, url: /j, split: { A: 1, B: 1 } }", extra);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^g\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Gate_WithoutAProbeSplitBetweenItsVersions_IsAnError()
    {
        var result = Load(
            "  - http: { name: j, url: /j, split: { A: 1, B: 0 } }",
            Versions + "\ngray_release: { baseline: A, candidate: B }"
        );

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("no probe splits its participants between A and B"));
    }

    [Test]
    public void Split_OnABrowserProbe_IsRefused()
    {
        var result = Load(
            """
              - browser: { name: b, url: /, split: { A: 1, B: 1 }, steps: [ { goto: / } ] }
            """
        );

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.Contains("split works on http and websocket probes").Or.Some.Contains("split")
        );
    }
}

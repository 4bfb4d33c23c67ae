using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary>Every browser step kind and option docs/scenarios.md lists is read into the probe's model with its values.</summary>
public sealed class BrowserStepLoadingTests
{
    private static BrowserProbeSpec Load(string browser)
    {
        var result = ScenarioLoader.LoadText(
            $$"""
            name: steps
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: p, duration: 1s } ]
            probes:
              - browser:
            {{browser}}
            """,
            "s.yaml"
        );
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        return (BrowserProbeSpec)result.Scenario!.Probes.Single();
    }

    [Test]
    public void Load_StepKindsAndPerStepTimeout()
    {
        var spec = Load(
            """
                  name: b
                  steps:
                    - goto: { url: /, wait_until: networkidle }
                    - select: { selector: "#pick", values: [a, b] }
                    - expect_hidden: "#spinner"
                    - expect_url: /done
                    - expect_title: Done
                    - { wait: 250ms, timeout: 1s }
                    - { expect_text: { selector: "#s", text: ok, exact: true }, timeout: 2s }
            """
        );

        Assert.That(
            spec.Steps,
            Is.EqualTo(
                    new BrowserStep[]
                    {
                        new GotoStep("/") { WaitUntil = BrowserLoadState.NetworkIdle },
                        new SelectStep("#pick", ["a", "b"]),
                        new ExpectHiddenStep("#spinner"),
                        new ExpectUrlStep("/done"),
                        new ExpectTitleStep("Done"),
                        new WaitStep(TimeSpan.FromMilliseconds(250)) { Timeout = TimeSpan.FromSeconds(1) },
                        new ExpectTextStep("#s", "ok") { Exact = true, Timeout = TimeSpan.FromSeconds(2) },
                    }
                )
                .Using<BrowserStep>((a, b) => a.Describe() == b.Describe() && a.Timeout == b.Timeout && a.GetType() == b.GetType())
        );
        Assert.That(((SelectStep)spec.Steps[1]).Values, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Load_BrowserOptions()
    {
        var spec = Load(
            """
                  name: b
                  ws_endpoint: ws://127.0.0.1:3000/playwright
                  step_timeout: 5s
                  trace: always
                  screenshots: never
                  steps: [ { goto: / } ]
            """
        );

        Assert.That(
            (spec.WsEndpoint, spec.StepTimeout, spec.Trace, spec.Screenshots),
            Is.EqualTo((new Uri("ws://127.0.0.1:3000/playwright"), TimeSpan.FromSeconds(5), ArtifactMode.Always, ArtifactMode.Never))
        );
    }

    [Test]
    public void Load_ExpectUrlAndTitle_RegexForm()
    {
        var spec = Load(
            """
                  name: b
                  steps:
                    - expect_url: { url: "/room/[0-9]+$", regex: true }
                    - expect_title: { title: "^Room .*", regex: true }
                    - expect_title: { title: "Room (1)" }
            """
        );

        Assert.That(
            spec.Steps.Select(s =>
                s switch
                {
                    ExpectUrlStep u => (u.Url, u.IsRegex),
                    ExpectTitleStep t => (t.Title, t.IsRegex),
                    _ => ("?", false),
                }
            ),
            Is.EqualTo(new[] { ("/room/[0-9]+$", true), ("^Room .*", true), ("Room (1)", false) })
        );
    }

    [Test]
    public void Load_ExpectUrlRegex_BadPatternOrFlag_SaysWhere()
    {
        var result = ScenarioLoader.LoadText(
            """
            name: steps
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: p, duration: 1s } ]
            probes:
              - browser:
                  name: b
                  steps:
                    - expect_url: { url: "/room/(", regex: true }
                    - expect_title: { title: x, regex: maybe }
                    - expect_text: { selector: "#s", text: ok, exact: yes }
            """,
            "s.yaml"
        );

        var errors = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.That(errors, Has.Some.StartsWith("s.yaml:8:").And.Contains("expect_url url: not a valid regular expression"));
        Assert.That(errors, Has.Some.StartsWith("s.yaml:9:").And.Contains("regex").And.Contains("maybe"));
        Assert.That(errors, Has.Some.StartsWith("s.yaml:10:").And.Contains("exact").And.Contains("yes"));
    }
}

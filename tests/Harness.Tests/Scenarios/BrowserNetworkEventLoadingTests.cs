using Harness.Cli;
using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

/// <summary>The browser_network timeline event: a browser participant's emulated network changes at an offset in a phase.</summary>
public sealed class BrowserNetworkEventLoadingTests
{
    private const string Template = """
        name: net
        target: { base_url: http://app.test, allow_hosts: [app.test] }
        timeline:
          - phase: degraded
            duration: 10s
            events:
        EVENTS
        probes:
          - browser:
              name: join
              participants:
                - { name: teacher }
                - { name: student, count: 2 }
              steps: [ { goto: /room/1 } ]
          - http: { name: api, url: /api }
        """;

    // Placed in the repository's scenarios/ folder so scenarios/profiles is found, as for real files.
    private static LoadResult Load(string events, string template = Template) =>
        ScenarioLoader.LoadText(
            template.Replace("EVENTS", events, StringComparison.Ordinal),
            Path.Combine(RepositoryPaths.Root, "scenarios", "net.yaml"),
            "net.yaml"
        );

    private static BrowserNetworkAction Single(LoadResult result)
    {
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        return (BrowserNetworkAction)result.Scenario!.Timeline.Single().Events.Single().Action;
    }

    [Test]
    public void Mapping_WithConditions_IsTyped()
    {
        var action = Single(
            Load(
                """      - { at: 2s, browser_network: { probe: join, participant: student, latency: 300ms, download: 100KB/s, upload: 50KB/s } }"""
            )
        );

        Assert.That(
            action,
            Is.EqualTo(
                new BrowserNetworkAction(
                    "join",
                    "student",
                    new NetworkConditions
                    {
                        Latency = TimeSpan.FromMilliseconds(300),
                        DownloadBytesPerSecond = 100_000,
                        UploadBytesPerSecond = 50_000,
                    }
                )
            )
        );
        Assert.That(action.Describe(), Is.EqualTo("browser network of join/student: latency 300ms, download 100KB/s, upload 50KB/s"));
    }

    [Test]
    public void Scalar_NamesAProfileForEveryParticipant()
    {
        var action = Single(Load("""      - { at: 0s, browser_network: fast-4g }"""));

        Assert.That((action.Probe, action.Participant, action.Profile), Is.EqualTo(((string?)null, (string?)null, "fast-4g")));
        Assert.That(
            action.Conditions,
            Is.EqualTo(
                new NetworkConditions
                {
                    Latency = TimeSpan.FromMilliseconds(60),
                    DownloadBytesPerSecond = 1_125_000,
                    UploadBytesPerSecond = 188_000,
                }
            )
        );
        Assert.That(action.Describe(), Does.StartWith("browser network of every browser participant: profile fast-4g, latency 60ms"));
    }

    [Test]
    public void Profile_WithOverride_TakesTheOverride()
    {
        var action = Single(Load("""      - { at: 0s, browser_network: { participant: student-2, profile: slow-3g, latency: 1s } }"""));

        Assert.That(action.Participant, Is.EqualTo("student-2"));
        Assert.That(action.Conditions!.Latency, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(action.Conditions.DownloadBytesPerSecond, Is.EqualTo(63_000));
    }

    [Test]
    public void OfflineProfile_AndOfflineKey_GoOffline()
    {
        Assert.That(
            Single(Load("""      - { at: 0s, browser_network: offline }""")).Conditions,
            Is.EqualTo(new NetworkConditions { Offline = true })
        );
        Assert.That(
            Single(Load("""      - { at: 0s, browser_network: { participant: teacher, offline: true } }""")).Conditions!.Offline,
            Is.True
        );
    }

    [Test]
    public void Reset_ScalarOrKey_MeansNoEmulation()
    {
        Assert.That(Single(Load("""      - { at: 0s, browser_network: reset }""")), Is.EqualTo(new BrowserNetworkAction(null, null, null)));
        var action = Single(Load("""      - { at: 0s, browser_network: { participant: student, reset: true } }"""));
        Assert.That((action.Participant, action.Conditions), Is.EqualTo(("student", (NetworkConditions?)null)));
        Assert.That(action.Describe(), Is.EqualTo("browser network of browser participant student: reset (no emulation)"));
    }

    [TestCase(
        """      - { at: 0s, browser_network: { participant: studnt, offline: true } }""",
        "net.yaml:7:51: browser_network event: no browser participant 'studnt' (did you mean 'student'?); participants are teacher, student, student-1, student-2"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { probe: jion, offline: true } }""",
        "net.yaml:7:45: browser_network event: no browser probe named 'jion' (did you mean 'join'?)"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { probe: api, offline: true } }""",
        "net.yaml:7:45: browser_network event: probe 'api' is not a browser probe; only a browser's network is emulated"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: comcast-3g-lossy }""",
        "net.yaml:7:36: browser_network: profile 'comcast-3g-lossy' has loss, which CDP cannot emulate; route the participant through a proxy with this profile instead (participants[].proxy)"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: slow-5g }""",
        "net.yaml:7:36: unknown profile 'slow-5g' (did you mean 'slow-3g'?); known: comcast-3g-lossy, comcast-edge-lossy, comcast-wifi, fast-4g, jittery-mobile, offline, satellite, sitespeed-3g, slow-3g, slow-4g, wpt-3g, wpt-cable, wpt-dsl"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { participant: teacher } }""",
        "net.yaml:7:19: browser_network event: give a profile, latency, download, upload or offline, or reset: true"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { download: 0KB/s } }""",
        "net.yaml:7:48: browser_network download: must be positive; use offline: true to cut the network"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { latency: slow } }""",
        "net.yaml:7:47: browser_network latency: 'slow' is not a duration; write it with a unit, e.g. 500ms, 10s, 2m"
    )]
    [TestCase("""      - { at: 0s, browser_network: { offline: yes } }""", "net.yaml:7:47: browser_network offline must be true or false")]
    [TestCase(
        """      - { at: 0s, browser_network: { reset: true, latency: 1s } }""",
        "net.yaml:7:45: browser_network: reset takes no conditions, found latency"
    )]
    [TestCase(
        """      - { at: 0s, browser_network: { participant: teacher, latncy: 1s } }""",
        "net.yaml:7:60: browser_network event: unknown key 'latncy' (did you mean 'latency'?)"
    )]
    public void Invalid_IsALocatedError(string events, string expected)
    {
        var result = Load(events);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Member(expected));
    }

    [Test]
    public void WithoutABrowserProbe_IsAnError()
    {
        var template = Template[..Template.IndexOf("  - browser:", StringComparison.Ordinal)] + "  - http: { name: api, url: /api }\n";

        var result = Load("""      - { at: 1s, browser_network: reset }""", template);

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Is.EqualTo(new[] { "net.yaml:7:19: browser_network event: the scenario has no browser probe whose network it could change" })
        );
    }

    [Test]
    public void Plan_ShowsTheEvent()
    {
        var result = Load("""      - { at: 1500ms, browser_network: { participant: student, offline: true } }""");

        Assert.That(
            PlanCommand.Describe(result.Scenario!),
            Has.Member("    at +1.5s: browser network of browser participant student: offline")
        );
    }
}

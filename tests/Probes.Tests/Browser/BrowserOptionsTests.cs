using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;

namespace Probes.Tests.Browser;

[Category("Browser")]
public sealed class BrowserOptionsTests
{
    private static readonly Uri Base = new("http://liveroom.test/");

    [Test]
    public void Validate_ManyProblems_ReportsEveryOneWithItsPath()
    {
        var options = new BrowserProbeOptions("", new Uri("ws://x/"))
        {
            StepTimeout = TimeSpan.Zero,
            Every = TimeSpan.FromSeconds(-1),
            Participants = [new BrowserParticipant("a"), new BrowserParticipant("a") { Count = 0 }],
            Steps =
            [
                new GotoStep(""),
                new WaitForStep(),
                new ScreenshotStep("s"),
                EvaluateStep.Expecting("1", 1) with
                {
                    Timeout = TimeSpan.Zero,
                },
            ],
            Browser = new BrowserSettings { ExtraArgs = ["--host-resolver-rules=MAP * 1.2.3.4"], Viewport = new BrowserViewport(0, 10) },
        };

        var errors = options.Validate();

        Assert.That(
            errors,
            Is.EquivalentTo(
                new[]
                {
                    "name: must not be empty",
                    "base_url: must be an absolute http or https URL, got 'ws://x/'",
                    "step_timeout: must be positive, got 00:00:00",
                    "every: must be positive, got -00:00:01",
                    "browser.args: --host-resolver-rules is built from the routes; use routes and allow_hosts instead",
                    "browser.viewport: width and height must be positive, got 0x10",
                    "steps[0].goto.url: must not be empty",
                    "steps[1].wait_for: give exactly one of selector, url, load_state (got 0)",
                    "steps[3].evaluate.timeout: must be positive, got 00:00:00",
                    "participants[1].name: 'a' is used twice",
                    "participants[1].count: must be at least 1, got 0",
                    "artifacts_directory: screenshot steps need one",
                }
            )
        );
        Assert.Throws<ArgumentException>(() => _ = new BrowserProbe(options));
    }

    [Test]
    public void Defaults_AreDocumentedValues()
    {
        var o = new BrowserProbeOptions("b", Base);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(o.Validate(), Is.Empty);
            Assert.That(
                (o.StepTimeout, o.Every, o.ArtifactsDirectory),
                Is.EqualTo((TimeSpan.FromSeconds(30), (TimeSpan?)null, (string?)null))
            );
            Assert.That(o.Participants.Single(), Is.EqualTo(new BrowserParticipant("main")));
            Assert.That(
                (o.Browser.Headless, o.Browser.WsEndpoint, o.Browser.Viewport),
                Is.EqualTo((true, (Uri?)null, new BrowserViewport(1280, 720)))
            );
            Assert.That(
                (o.Capture.Screenshot, o.Capture.Trace, o.Capture.Video),
                Is.EqualTo((ArtifactMode.OnFailure, ArtifactMode.OnFailure, ArtifactMode.Never))
            );
        }
    }

    [Test]
    public void HostResolverRules_RoutesAllowedHostsAndCatchAll_InOneArgvEntry()
    {
        var routes = new HostRoutes([
            new("liveroom.test", new IPEndPoint(IPAddress.Loopback, 5081)),
            new("api.test", new IPEndPoint(IPAddress.IPv6Loopback, 5082)),
        ]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                HostResolverRules.Build(routes, ["localhost", "127.0.0.1"]),
                Is.EqualTo(
                    "--host-resolver-rules=MAP api.test [::1]:5082, MAP liveroom.test 127.0.0.1:5081, EXCLUDE 127.0.0.1, EXCLUDE localhost, MAP * ~NOTFOUND"
                )
            );
            Assert.That(HostResolverRules.Build(HostRoutes.None, ["*"]), Is.Null);
            Assert.That(HostResolverRules.Build(HostRoutes.None, []), Is.EqualTo("--host-resolver-rules=MAP * ~NOTFOUND"));
        }
    }
}

using System.Diagnostics;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;

namespace Probes.Tests.Browser;

/// <summary>
/// A launch prefix (<c>ip netns exec NS</c>) starts the browser through a wrapper script: the script passes every word and
/// argument through unsplit, a participant's prefix gives it a browser process of its own, and a remote browser refuses one.
/// </summary>
public sealed class LaunchPrefixTests
{
    private static readonly Uri Base = new("http://liveroom.test/");

    [Test]
    public void Script_QuotesEveryWord()
    {
        var script = LaunchWrapper.Script(["ip", "netns", "exec", "hp-abc123-c"], "/opt/it's chromium");

        Assert.That(script, Is.EqualTo("#!/bin/sh\nexec 'ip' 'netns' 'exec' 'hp-abc123-c' '/opt/it'\\''s chromium' \"$@\"\n"));
    }

    [Test]
    [Platform("Linux")]
    public void Wrapper_RunsTheBrowserThroughThePrefix_WithItsArgumentsIntact()
    {
        string path;
        string output;
        using (var wrapper = LaunchWrapper.Create(["env", "HARNESS_PREFIX_SEEN=yes"], "/bin/sh"))
        {
            path = wrapper.Path;
            var info = new ProcessStartInfo(wrapper.Path) { RedirectStandardOutput = true };
            const string print = "printf '%s|%s|%s' \"$HARNESS_PREFIX_SEEN\" \"$1\" \"$2\"";
            foreach (var a in new[] { "-c", print, "sh", "a b", "it's $HOME" })
                info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }

        Assert.That(output, Is.EqualTo("yes|a b|it's $HOME"));
        Assert.That(File.Exists(path), Is.False, "the wrapper is deleted once disposed");
    }

    [Test]
    public void ParticipantPrefix_GivesItsOwnLaunchPlan_OthersKeepTheProbes()
    {
        var options = new BrowserProbeOptions("b", Base)
        {
            Participants =
            [
                new BrowserParticipant("near"),
                new BrowserParticipant("far") { LaunchPrefix = ["ip", "netns", "exec", "hp-abc123-c"], Count = 2 },
            ],
        };

        var plans = ParticipantPlan.Expand(options, HostRoutes.None);

        Assert.That(
            plans.Select(p => (p.Name, string.Join(' ', p.Launch.Settings.LaunchPrefix))),
            Is.EqualTo(new[] { ("near", ""), ("far-1", "ip netns exec hp-abc123-c"), ("far-2", "ip netns exec hp-abc123-c") })
        );
        Assert.That(plans[1].Launch.Key, Is.Not.EqualTo(plans[0].Launch.Key), "a browser process of its own");
        Assert.That(plans[2].Launch.Key, Is.EqualTo(plans[1].Launch.Key), "copies share it");
    }

    [Test]
    public void Prefix_WithRemoteBrowser_Refused()
    {
        var options = new BrowserProbeOptions("b", Base)
        {
            Browser = new BrowserSettings { WsEndpoint = new Uri("ws://127.0.0.1:1/"), LaunchPrefix = ["ip", ""] },
            Participants = [new BrowserParticipant("far") { LaunchPrefix = ["ip", "netns", "exec", "x"] }],
        };

        Assert.That(
            options.Validate(),
            Is.EquivalentTo(
                new[]
                {
                    "browser: a launch prefix needs a browser the probe launches, not ws_endpoint",
                    "browser.launch_prefix: entries must not be empty",
                    "participants[0].launch_prefix: needs a browser the probe launches, not ws_endpoint",
                }
            )
        );
    }
}

using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Toxiproxy.Client;

namespace Harness.Tests.Orchestration;

public sealed class SafetyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task SweepStaleAsync_RemovesOnlyThisScenariosOldProxies()
    {
        var client = new FakeToxiproxyClient();
        var elsewhere = new ProxyOwner("elsewhere.0123abcd", 4242);
        string Name(string scenario, TimeSpan age, string proxy) => ImpairmentSession.PrefixFor(scenario, Now - age, elsewhere) + proxy;
        await client.CreateProxyAsync(new ProxyDefinition(Name("smoke", TimeSpan.FromHours(3), "edge"), "127.0.0.1:1"));
        await client.CreateProxyAsync(new ProxyDefinition(Name("smoke", TimeSpan.FromMinutes(5), "edge"), "127.0.0.1:1"));
        await client.CreateProxyAsync(new ProxyDefinition(Name("other", TimeSpan.FromHours(3), "edge"), "127.0.0.1:1"));
        await client.CreateProxyAsync(new ProxyDefinition("redis", "127.0.0.1:6379"));
        var session = new ImpairmentSession(client, ImpairmentSession.PrefixFor("smoke", Now), _ => { });

        var swept = await session.SweepStaleAsync("smoke", Now, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.That(swept, Is.EqualTo(new[] { Name("smoke", TimeSpan.FromHours(3), "edge") }));
        Assert.That(
            (await client.GetProxiesAsync()).Count,
            Is.EqualTo(3),
            "a young run of the same scenario, other scenarios and foreign proxies stay"
        );
    }

    [Test]
    public async Task SweepStaleAsync_DeadOwnerOnThisHost_RemovedAtOnce_LiveOwnerAndOtherHostsRecentKept()
    {
        var client = new FakeToxiproxyClient();
        var now = DateTimeOffset.UtcNow;
        var me = ProxyOwner.Current;
        var elsewhere = new ProxyOwner("elsewhere.0123abcd", me.ProcessId);
        var testStarted = new DateTimeOffset(System.Diagnostics.Process.GetCurrentProcess().StartTime);
        string Name(ProxyOwner owner, DateTimeOffset created) => ImpairmentSession.PrefixFor("smoke", created, owner) + "edge-1";
        var dead = Name(me with { ProcessId = ExitedProcessId() }, now.AddMinutes(-1));
        var live = Name(me, now);
        var reusedPid = Name(me, testStarted.AddMinutes(-10));
        var otherRecent = Name(elsewhere, now.AddMinutes(-1));
        var otherOld = Name(elsewhere, now.AddDays(-2));
        foreach (var name in new[] { dead, live, reusedPid, otherRecent, otherOld })
        {
            await client.CreateProxyAsync(new ProxyDefinition(name, "127.0.0.1:1"));
        }
        var session = new ImpairmentSession(client, ImpairmentSession.PrefixFor("smoke", now), _ => { });

        var swept = await session.SweepStaleAsync("smoke", now, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That(
            swept,
            Is.EquivalentTo(new[] { dead, reusedPid, otherOld }),
            "on this host a dead PID, or a live one that started after the run (reused), goes at once; another host's after stale_after"
        );
        Assert.That((await client.GetProxiesAsync()).Keys, Is.EquivalentTo(new[] { live, otherRecent }));
    }

    [Test]
    public void PrefixFor_NamesTheOwnersHostAndPid_WithinTheServersNameRules()
    {
        var prefix = ImpairmentSession.PrefixFor("smoke", Now);

        Assert.That(prefix, Does.Match(@"^harness-smoke-\d+-[A-Za-z0-9_]{1,32}\.[0-9a-f]{8}-\d+-$"));
        Assert.That(prefix, Does.EndWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-{Environment.ProcessId}-")));
    }

    private static int ExitedProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Test]
    public void Loader_ReadsMaxDurationAndAbortOnFail()
    {
        var result = ScenarioLoader.LoadText(
            """
            name: s
            max_duration: 2m
            target: { allow_hosts: [127.0.0.1] }
            network: { stale_after: 30m, proxies: [ { name: edge, upstream: 127.0.0.1:1 } ] }
            timeline: [ { phase: a, duration: 30s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:1/" } } ]
            thresholds:
              api:
                - "http_req_duration p(95) < 1s"
                - { threshold: "http_req_failed rate < 10%", abort_on_fail: true, delay: 5s }
            """,
            "/tmp/s.yaml",
            "s.yaml"
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var s = result.Scenario!;
        Assert.That(s.MaxDuration, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(s.Network.StaleAfter, Is.EqualTo(TimeSpan.FromMinutes(30)));
        Assert.That(
            s.Thresholds.Select(t => (t.AbortOnFail, t.AbortDelay)),
            Is.EqualTo(new[] { (false, TimeSpan.Zero), (true, TimeSpan.FromSeconds(5)) })
        );
    }

    [Test]
    public void Loader_MaxDurationShorterThanTimeline_IsRejected()
    {
        var result = ScenarioLoader.LoadText(
            """
            name: s
            max_duration: 10s
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: a, duration: 30s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:1/" } } ]
            """,
            "/tmp/s.yaml",
            "s.yaml"
        );

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.StartsWith("s.yaml:2:15: max_duration 10s is shorter than the timeline")
        );
    }
}

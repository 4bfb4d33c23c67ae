using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        name: demo
        target:
          base_url: http://app.test
          allow_hosts: [app.test, 127.0.0.1]
        network:
          proxies:
            - { name: edge, upstream: 127.0.0.1:5080, hosts: [app.test] }
        timeline:
          - { phase: baseline, duration: 2s }
          - phase: slow
            duration: 1500ms
            toxics:
              - { proxy: edge, type: latency, latency: 200ms, jitter: 10ms }
        probes:
          - http: { name: api, url: /api, every: 250ms }
          - websocket: { name: room, url: /ws/room/1, clients: 3, stream: {} }
        thresholds:
          api: [ "http_req_duration{phase:slow} p(95) < 300ms" ]
          room: [ "ws_msgs_lost count == 0" ]
        """;

    private static LoadResult Load(string text) => ScenarioLoader.LoadText(text, "/tmp/demo.yaml", "demo.yaml");

    [Test]
    public void LoadText_ValidScenario_BuildsTypedModel()
    {
        var result = Load(Valid);

        Assert.That(result.Diagnostics, Is.Empty);
        var scenario = result.Scenario!;
        Assert.That(scenario.Timeline.Select(p => p.Name), Is.EqualTo(new[] { "baseline", "slow" }));
        Assert.That(scenario.Timeline[1].Duration, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        var toxic = scenario.Timeline[1].Toxics.Single();
        Assert.That(toxic.Name, Is.EqualTo("latency_downstream"));
        Assert.That(toxic.Type, Is.EqualTo("latency"));
        Assert.That(toxic.Attributes, Is.EqualTo(new Dictionary<string, long> { ["latency"] = 200, ["jitter"] = 10 }));
        Assert.That(scenario.Probes[0].Url, Is.EqualTo(new Uri("http://app.test/api")));
        Assert.That(scenario.Probes[1].Url, Is.EqualTo(new Uri("ws://app.test/ws/room/1")));
        Assert.That(((WebSocketProbeSpec)scenario.Probes[1]).Stream, Is.EqualTo(new WebSocketStreamSpec("seq", "ts")));
        Assert.That(scenario.Thresholds.Select(t => t.Expression.Phase), Is.EqualTo(new[] { "slow", null }));
    }

    [Test]
    public void LoadText_TypoInKey_ReportsLocationAndSuggestion()
    {
        var result = Load(Valid.Replace("    duration: 1500ms", "    duraton: 1500ms", StringComparison.Ordinal));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), "no second complaint about the missing 'duration'");
        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.EqualTo("demo.yaml:11:5: timeline entry: unknown key 'duraton' (did you mean 'duration'?)")
        );
    }

    [Test]
    public void LoadText_SeveralProblems_ReportsEveryOneInFileOrder()
    {
        var text = Valid
            .Replace("duration: 2s", "duration: 2 seconds", StringComparison.Ordinal)
            .Replace("type: latency", "type: latenzy", StringComparison.Ordinal)
            .Replace("ws_msgs_lost count", "ws_msg_lost count", StringComparison.Ordinal);

        var messages = Load(text).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.That(messages, Has.Count.EqualTo(3));
        Assert.That(messages[0], Does.StartWith("demo.yaml:9:").And.Contains("'2 seconds' is not a duration"));
        Assert.That(messages[1], Does.StartWith("demo.yaml:13:30:").And.Contains("unknown toxic type 'latenzy' (did you mean 'latency'?)"));
        Assert.That(
            messages[2],
            Does.StartWith("demo.yaml:19:").And.Contains("unknown metric 'ws_msg_lost' (did you mean 'ws_msgs_lost'?)")
        );
    }

    [TestCase("name: [", "YAML syntax error")]
    [TestCase("- just\n- a list", "scenario must be a mapping")]
    [TestCase("name: x\ntimeline: []\nprobes: []", "at least one phase")]
    [TestCase("", "the file is empty")]
    public void LoadText_BrokenDocument_ReportsLocatedError(string text, string expected)
    {
        var result = Load(text);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Matches(@"^demo\.yaml:\d+:\d+: ").And.Some.Contains(expected));
    }

    [Test]
    public void LoadText_ProbeHostNotAllowed_IsRejectedBeforeRunning()
    {
        var result = Load(Valid.Replace("allow_hosts: [app.test, 127.0.0.1]", "allow_hosts: [127.0.0.1]", StringComparison.Ordinal));

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.Contains("reaches host 'app.test', which is not in target.allow_hosts")
        );
    }

    [Test]
    public void LoadText_ThresholdOnMetricTheProbeDoesNotMeasure_IsRejected()
    {
        var result = Load(Valid.Replace("\"ws_msgs_lost count == 0\"", "\"http_req_duration p(95) < 1s\"", StringComparison.Ordinal));

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.EqualTo("metric 'http_req_duration' is not measured by websocket probe 'room'")
        );
    }

    [Test]
    public void LoadText_ToxicOnUndeclaredProxy_NamesTheProxy()
    {
        var result = Load(Valid.Replace("proxy: edge, type", "proxy: egde, type", StringComparison.Ordinal));

        Assert.That(
            result.Diagnostics.Select(d => d.Message),
            Has.Some.EqualTo("toxic proxy 'egde' is not declared under network.proxies (did you mean 'edge'?)")
        );
    }

    [Test]
    public void LoadFile_EveryScenarioInRepository_IsValid()
    {
        var root = Harness.TestSupport.RepositoryPaths.Root;
        var (files, missing) = ScenarioLoader.Expand([Path.Combine(root, "scenarios")]);

        Assert.That(missing, Is.Empty);
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var result = ScenarioLoader.LoadFile(file);
            Assert.That(result.Diagnostics, Is.Empty, file);
        }
    }
}

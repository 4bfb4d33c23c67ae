using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>
/// Synthetic results of a one-hour run with 1,000 WebSocket clients, generous in everything a report shows: twelve
/// phases, events, thresholds, a per-second point for every metric of every probe, every client's totals, a browser
/// probe at its kept-iteration limit with console messages, screenshots and traces, and a load probe.
/// </summary>
internal static class LargeRun
{
    public const int Seconds = 3600;
    public const int Clients = 1000;
    private static readonly DateTimeOffset Start = ReportFixtures.Start;

    public static RunResults Build(int seed = 7)
    {
        var random = new Random(seed);
        var phases = Enumerable
            .Range(0, 12)
            .Select(i => new PhaseResult(
                i % 2 == 0 ? "baseline" : $"degraded-{i / 2}",
                Start.AddSeconds(i * 300),
                Start.AddSeconds((i + 1) * 300),
                300_000,
                i % 2 == 0
                    ? []
                    :
                    [
                        new ToxicResult(
                            "edge",
                            "latency_downstream",
                            "latency",
                            "downstream",
                            1,
                            new Dictionary<string, long> { ["latency"] = 100 * i, ["jitter"] = 20 }
                        ),
                    ]
            ))
            .ToList();
        var names = phases.Select(p => p.Name).Distinct().ToList();
        ProbeResult Probe(string name, string kind, params (string Metric, Func<int, double> PerSecond)[] metrics) =>
            new(name, kind, $"http://liveroom.test/{name}", metrics.Select(m => Metric(m.Metric, m.PerSecond, names, random)).ToList());

        var ws = Probe(
            "room",
            "websocket",
            (MetricNames.WsConnecting, s => s < 10 ? 100 : random.Next(0, 3)),
            (MetricNames.WsMsgsReceived, _ => 2000),
            (MetricNames.WsMsgsSent, _ => 1000),
            (MetricNames.WsMsgsLost, _ => random.Next(0, 5)),
            (MetricNames.WsMsgsDuplicated, _ => random.Next(0, 2)),
            (MetricNames.WsMsgsReordered, _ => random.Next(0, 3)),
            (MetricNames.WsFrameDelay, _ => 2000),
            (MetricNames.WsRtt, _ => 1000),
            (MetricNames.WsDisconnects, _ => random.Next(0, 3)),
            (MetricNames.WsReconnects, _ => random.Next(0, 3)),
            (MetricNames.WsReconnectTime, _ => random.Next(0, 3)),
            (MetricNames.WsFrameInterarrival, _ => 2000),
            (MetricNames.WsFrameJitter, _ => 2000),
            (MetricNames.WsStaleness, _ => 1000),
            (MetricNames.WsSessionDuration, _ => random.Next(0, 3))
        ) with
        {
            WebSocket = new WebSocketDetails(
                Enumerable
                    .Range(0, Clients)
                    .Select(c => new WebSocketClientResult(
                        c,
                        7200 + random.Next(100),
                        random.Next(0, 40),
                        random.Next(0, 3),
                        random.Next(0, 10),
                        random.Next(0, 12),
                        random.Next(0, 12)
                    ))
                    .ToList(),
                3,
                ["<not json>", "{\"seq\":\"x\"}", "hello"]
            ),
        };
        var api = Probe(
            "api",
            "http",
            (MetricNames.HttpReqDuration, _ => 1),
            (MetricNames.HttpReqFailed, _ => 1),
            (MetricNames.HttpReqs, _ => 1),
            (MetricNames.HttpReqWaiting, _ => 1),
            (MetricNames.HttpReqConnecting, _ => 1),
            (MetricNames.HttpReqReceiving, _ => 1),
            (MetricNames.Checks, _ => 1)
        );
        var load = Probe(
            "crowd",
            "load",
            (MetricNames.HttpReqDuration, _ => 200),
            (MetricNames.HttpReqFailed, _ => 200),
            (MetricNames.HttpReqs, _ => 200),
            (MetricNames.Iterations, _ => 200),
            (MetricNames.IterationDuration, _ => 200),
            (MetricNames.DroppedIterations, _ => random.Next(0, 2)),
            (MetricNames.Vus, _ => 1)
        ) with
        {
            Load = new LoadPlanResult("constant-arrival-rate", Seconds * 1000.0, 200, 720_000, null, 500, null),
        };
        var browser = Probe(
            "join",
            "browser",
            (MetricNames.BrowserStepDuration, _ => 5),
            (MetricNames.BrowserLoad, _ => 1),
            (MetricNames.BrowserTtfb, _ => 1),
            (MetricNames.BrowserLcp, _ => 1),
            (MetricNames.BrowserConsoleErrors, _ => 1),
            (MetricNames.BrowserPageErrors, _ => 1),
            (MetricNames.BrowserRequestsFailed, _ => 1)
        ) with
        {
            Iterations = Enumerable
                .Range(0, 500)
                .Select(i => new IterationResult(
                    $"participant-{i % 4}",
                    i / 4 + 1,
                    Start.AddSeconds(i * 7),
                    6000,
                    i % 9 != 0,
                    null,
                    Enumerable
                        .Range(0, 5)
                        .Select(s => new StepResult(
                            s,
                            s == 0 ? "goto" : "expect_visible",
                            s == 0 ? "goto /room/1" : $"expect_visible #panel-{s}",
                            i % 9 == 0 && s == 4 ? "failed" : "passed",
                            100 + random.Next(2000),
                            i % 9 == 0 && s == 4 ? "Timeout 5000ms exceeded waiting for locator('#panel-4') to be visible" : null
                        ))
                        .ToList()
                ))
                .ToList(),
            Messages = Enumerable
                .Range(0, 1000)
                .Select(i => new MessageResult(
                    i % 3 == 0 ? "pageerror" : "consoleerror",
                    $"participant-{i % 4}",
                    i / 4 + 1,
                    Start.AddSeconds(i * 3.5),
                    $"TypeError: cannot read properties of undefined (reading 'track{i % 40}') at AudioRoom.join (https://liveroom.test/app.js:{i % 40}:17)",
                    "https://liveroom.test/app.js"
                ))
                .ToList(),
            Artifacts = Enumerable
                .Range(0, 500)
                .SelectMany(i =>
                    new[]
                    {
                        new ArtifactResult(
                            "screenshot",
                            $"artifacts/join/participant-{i % 4}/i{i:D4}-step05.png",
                            $"participant-{i % 4}",
                            i / 4 + 1,
                            4
                        ),
                        new ArtifactResult(
                            "trace",
                            $"artifacts/join/participant-{i % 4}/i{i:D4}-trace.zip",
                            $"participant-{i % 4}",
                            i / 4 + 1,
                            null
                        ),
                    }
                )
                .ToList(),
        };
        return new RunResults(
            RunResults.CurrentSchemaVersion,
            "20261122-080000-large",
            RunStatus.Failed,
            1,
            new ScenarioInfo(
                "large",
                "one hour, 1,000 clients",
                ["nightly"],
                "/repo/scenarios/large.yaml",
                42,
                string.Concat(Enumerable.Repeat("probes: [...]\n", 200))
            ),
            Start,
            Start.AddSeconds(Seconds),
            "./harness run scenarios/large.yaml --seed 42",
            new EnvironmentInfo("ci", "Linux", ".NET 10", "1.0", "embedded", "http://127.0.0.1:1234/", "2.12.0"),
            [],
            [new ProxyResult("edge", "harness-x-edge", "127.0.0.1:4000", "127.0.0.1:5000", ["liveroom.test"], "slow-3g", [])],
            phases,
            [ws, api, load, browser],
            Enumerable
                .Range(0, 20)
                .Select(i => new ThresholdResult(
                    "room",
                    $"ws_frame_delay p(95) < {i * 10}ms",
                    "ws_frame_delay",
                    null,
                    "p(95)",
                    "<",
                    i * 10,
                    95,
                    i > 9,
                    ""
                ))
                .ToList(),
            Enumerable
                .Range(0, 50)
                .Select(i => new EventResult(phases[i % 12].Name, 1000, "reset_connections: edge", Start.AddSeconds(i * 70)))
                .ToList(),
            []
        );
    }

    /// <summary>A metric with <paramref name="perSecond"/> samples in every second, values around a phase-dependent level.</summary>
    private static MetricResult Metric(string name, Func<int, double> perSecond, IReadOnlyList<string> phases, Random random)
    {
        var info = MetricNames.All[name];
        var kind = info.Kind == MetricKind.Gauge ? MetricKind.Trend : info.Kind;
        var timeline = new List<SecondPoint>(Seconds);
        var values = new List<double>();
        for (var s = 0; s < Seconds; s++)
        {
            var count = (long)perSecond(s);
            if (count == 0)
                continue;
            var level = info.Unit == "ms" ? 20 + (s / 300 % 2) * 100 * (s / 600) + random.NextDouble() * 10 : 1;
            timeline.Add(
                new SecondPoint(
                    Start.ToUnixTimeSeconds() + s,
                    count,
                    level * count,
                    level * 1.5,
                    kind == MetricKind.Rate ? random.Next(0, 2) : count
                )
            );
            if (values.Count < 2000)
                values.Add(level);
        }
        var summary = MetricSummary.From(kind, [.. values], TimeSpan.FromSeconds(Seconds));
        return new MetricResult(
            name,
            info.Kind.ToString().ToLowerInvariant(),
            info.Unit,
            summary,
            phases.ToDictionary(p => p, _ => summary),
            timeline
        );
    }
}

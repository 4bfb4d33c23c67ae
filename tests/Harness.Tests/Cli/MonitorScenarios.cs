using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Tests.Cli;

/// <summary>A scenario with one probe of each kind and a three-phase timeline, for the run monitor and its views.</summary>
internal static class MonitorScenarios
{
    public static Scenario WithThresholds(params (string Probe, string Source)[] thresholds) =>
        new(
            "live",
            null,
            [],
            1,
            "/tmp/live.yaml",
            new TargetSpec(null, []),
            [],
            new NetworkSpec(null, []),
            [
                new PhaseSpec("baseline", TimeSpan.FromSeconds(10), []),
                new PhaseSpec("slow", TimeSpan.FromSeconds(5), []),
                new PhaseSpec("baseline", TimeSpan.FromSeconds(10), []),
            ],
            [
                new HttpProbeSpec("api", new Uri("http://app.test/api"), "GET", TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(5)),
                new WebSocketProbeSpec(
                    "room",
                    new Uri("ws://app.test/ws"),
                    5,
                    TimeSpan.FromSeconds(5),
                    null,
                    new WebSocketStreamSpec("seq", null),
                    null
                ),
                new LoadProbeSpec(
                    "crowd",
                    new Uri("http://app.test/api"),
                    new Harness.Probes.Load.ConstantVus(20, TimeSpan.FromSeconds(10)),
                    null,
                    TimeSpan.Zero,
                    null,
                    TimeSpan.FromSeconds(1)
                ),
                new BrowserProbeSpec(
                    "join",
                    new Uri("http://app.test/"),
                    null,
                    true,
                    null,
                    null,
                    default,
                    default,
                    TimeSpan.FromSeconds(5),
                    [new ParticipantSpec("alice", null, null, null, 1), new ParticipantSpec("bob", null, null, null, 2)],
                    []
                ),
            ],
            thresholds.Select(t => new ThresholdSpec(t.Probe, t.Source, ThresholdParser.Parse(t.Source).Expression!)).ToList()
        );

    public static Sample Sample(
        string probe,
        string metric,
        double value,
        DateTimeOffset at,
        string phase = "baseline",
        string? participant = null
    ) =>
        new(
            metric,
            value,
            at,
            participant is null ? new SampleTags(probe, phase) : new SampleTags(probe, phase).With("participant", participant)
        );
}

using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Compare;

/// <summary>
/// Builds results the way a real run does (samples into a <see cref="MetricStore"/>, summaries and per-second points out
/// of it) from latency samples drawn by the caller, so comparison tests see what results.json would hold.
/// </summary>
internal static class NoisyRuns
{
    public const string Probe = "api";
    public const string Phase = "steady";

    /// <summary>A run of <paramref name="seconds"/> s from <paramref name="start"/>, <paramref name="perSecond"/> samples/s.</summary>
    public static RunResults Run(string runId, DateTimeOffset start, int seconds, int perSecond, Func<int, int, double> latencyMs)
    {
        var store = new MetricStore();
        for (var s = 0; s < seconds; s++)
        {
            for (var i = 0; i < perSecond; i++)
            {
                var at = start.AddSeconds(s).AddMilliseconds(1000.0 * i / perSecond);
                store.Add(new Sample(MetricNames.HttpReqDuration, latencyMs(s, i), at, new SampleTags(Probe, Phase)));
            }
        }
        var window = TimeSpan.FromSeconds(seconds);
        const string Metric = MetricNames.HttpReqDuration;
        var metric = new MetricResult(
            Metric,
            "trend",
            "ms",
            store.Summarize(Probe, Metric, null, window),
            new Dictionary<string, MetricSummary> { [Phase] = store.Summarize(Probe, Metric, Phase, window) },
            store.Timeline(Probe, Metric)
        );
        var fixture = ReportFixtures.Smoke();
        return fixture with
        {
            RunId = runId,
            StartedAt = start,
            FinishedAt = start + window,
            Phases = [new PhaseResult(Phase, start, start + window, window.TotalMilliseconds, [])],
            Probes = [new ProbeResult(Probe, "http", "http://liveroom.test/api/rooms/1", [metric])],
            Thresholds = [],
            Events = [],
        };
    }

    /// <summary>Latency noise: lognormal around <paramref name="medianMs"/> (sigma 0.35), 1 % outliers of 0.3 to 2 s.</summary>
    public static double Latency(Random random, double medianMs)
    {
        if (random.NextDouble() < 0.01)
            return 300 + random.NextDouble() * 1700;
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return medianMs * Math.Exp(0.35 * normal);
    }
}

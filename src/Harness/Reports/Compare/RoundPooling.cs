using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// Pools several runs of one side (the baseline's rounds, or the candidate's) into one <see cref="RunResults"/> that
/// <see cref="RunComparer"/> compares like a single run. What is exact and what is not (docs/results.md):
/// <list type="bullet">
/// <item>per-second points are concatenated, each still inside its own round's phase windows, so the Mann-Whitney test
///   sees every second of every round (rounds never overlap in time, so a point's phase stays unambiguous);</item>
/// <item>sample counts, the trend mean, the rate share, min and max are exact over all samples of all rounds;</item>
/// <item>counters per second are the mean of the rounds' rates (rounds run the same timeline, so equal windows);</item>
/// <item>percentiles are the sample-weighted mean of the rounds' percentiles: results.json keeps each run's percentiles
///   (exact to 1 % from its histogram) but not the histogram, so the percentile of the pooled samples cannot be
///   recomputed. For rounds of one scenario and seed, which differ only by noise, the two are close.</item>
/// </list>
/// </summary>
internal static class RoundPooling
{
    public static RunResults Pool(string label, IReadOnlyList<RunResults> rounds)
    {
        if (rounds.Count == 0)
            throw new ArgumentException("at least one round is needed", nameof(rounds));
        var probes = rounds
            .SelectMany(r => r.Probes)
            .Select(p => p.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(name => PoolProbe(rounds.SelectMany(r => r.Probes).Where(p => p.Name == name).ToList()))
            .ToList();
        return rounds[0] with
        {
            RunId = label,
            Status = rounds.Select(r => r.Status).Max(),
            ExitCode = rounds.Select(r => r.ExitCode).Max(),
            StartedAt = rounds.Min(r => r.StartedAt),
            FinishedAt = rounds.Max(r => r.FinishedAt),
            Services = [],
            Phases = rounds.SelectMany(r => r.Phases).ToList(),
            Probes = probes,
            Thresholds = [],
            Events = rounds.SelectMany(r => r.Events).ToList(),
            Errors = rounds.SelectMany(r => r.Errors.Select(e => $"{r.RunId}: {e}")).ToList(),
        };
    }

    private static ProbeResult PoolProbe(List<ProbeResult> rounds)
    {
        var metrics = rounds
            .SelectMany(p => p.Metrics)
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(name => PoolMetric(rounds.SelectMany(p => p.Metrics).Where(m => m.Name == name).ToList()))
            .ToList();
        return new ProbeResult(rounds[0].Name, rounds[0].Kind, rounds[0].Url, metrics);
    }

    private static MetricResult PoolMetric(List<MetricResult> rounds)
    {
        var phases = rounds
            .SelectMany(m => m.Phases.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(
                p => p,
                p => Summary(rounds.Select(m => m.Phases.GetValueOrDefault(p)).OfType<MetricSummary>().ToList()),
                StringComparer.Ordinal
            );
        return new MetricResult(
            rounds[0].Name,
            rounds[0].Kind,
            rounds[0].Unit,
            Summary(rounds.Select(m => m.All).ToList()),
            phases,
            rounds.SelectMany(m => m.Timeline ?? []).ToList()
        )
        {
            // Each tag value pooled like the metric itself: summaries combined, per-second points concatenated.
            Breakdown = rounds
                .SelectMany(m => m.Breakdown)
                .GroupBy(x => (x.Tag, x.Value))
                .Select(g => new TagBreakdownResult(
                    g.Key.Tag,
                    g.Key.Value,
                    Summary(g.Select(x => x.All).ToList()),
                    g.SelectMany(x => x.Phases.Keys)
                        .Distinct(StringComparer.Ordinal)
                        .ToDictionary(
                            p => p,
                            p => Summary(g.Select(x => x.Phases.GetValueOrDefault(p)).OfType<MetricSummary>().ToList()),
                            StringComparer.Ordinal
                        ),
                    g.SelectMany(x => x.Timeline).ToList()
                ))
                .ToList(),
        };
    }

    /// <summary>One summary for several rounds' summaries of the same metric and phase.</summary>
    public static MetricSummary Summary(IReadOnlyList<MetricSummary> rounds)
    {
        var kind = rounds[0].Kind;
        var samples = rounds.Sum(s => s.Samples);
        var count = rounds.Sum(s => s.Count);
        switch (kind)
        {
            case MetricKind.Rate:
                return new(kind, samples, count, samples == 0 ? null : count / samples, null, null, null, null, null, null, null);
            case MetricKind.Counter:
                var rates = rounds.Select(s => s.Rate).OfType<double>().ToList();
                return new(kind, samples, count, rates.Count == 0 ? null : rates.Average(), null, null, null, null, null, null, null);
            default:
                var measured = rounds.Where(s => s.Samples > 0).ToList();
                if (measured.Count == 0)
                    return new(kind, 0, 0, null, null, null, null, null, null, null, null);
                double? Weighted(Func<MetricSummary, double?> figure)
                {
                    var with = measured.Where(s => figure(s) is not null).ToList();
                    var weight = with.Sum(s => (double)s.Samples);
                    return weight == 0 ? null : with.Sum(s => figure(s)!.Value * s.Samples) / weight;
                }
                return new(
                    kind,
                    samples,
                    count,
                    null,
                    measured.Min(s => s.Min),
                    measured.Max(s => s.Max),
                    Weighted(s => s.Avg),
                    Weighted(s => s.Med),
                    Weighted(s => s.P90),
                    Weighted(s => s.P95),
                    Weighted(s => s.P99)
                );
        }
    }
}

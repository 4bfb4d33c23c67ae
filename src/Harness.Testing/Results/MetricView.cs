using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Testing;

/// <summary>
/// One metric's summary (of a probe, over the run or one phase): durations in milliseconds, rates as 0..1 shares, counters
/// as totals. Null means no sample.
/// </summary>
public sealed class MetricView
{
    internal MetricView(
        string probe,
        string name,
        string unit,
        MetricSummary summary,
        IReadOnlyDictionary<string, MetricSummary> phases,
        string? phase = null
    )
    {
        Probe = probe;
        Name = name;
        Unit = unit;
        Summary = summary;
        PhaseSummaries = phases;
        PhaseName = phase;
    }

    /// <summary>The probe that recorded it (or the name of a <see cref="MetricSamples"/>).</summary>
    public string Probe { get; }

    /// <summary>The metric, e.g. <c>http_req_duration</c>.</summary>
    public string Name { get; }

    /// <summary><c>ms</c> for durations, empty for plain numbers.</summary>
    public string Unit { get; }

    /// <summary>The phase this view covers, or null for the whole run.</summary>
    public string? PhaseName { get; }

    /// <summary>The harness's summary record, as results.json stores it.</summary>
    public MetricSummary Summary { get; }

    internal IReadOnlyDictionary<string, MetricSummary> PhaseSummaries { get; }

    /// <summary>Trend, rate, counter or gauge.</summary>
    public MetricKind Kind => Summary.Kind;

    /// <summary>How many samples.</summary>
    public long Samples => Summary.Samples;

    /// <summary>Trends: the number of samples; rates: the non-zero ones; counters: the total.</summary>
    public double Count => Summary.Count;

    /// <summary>Rates: the share of non-zero samples (0..1); counters: the total per second.</summary>
    public double? Rate => Summary.Rate;

    /// <summary>The smallest value.</summary>
    public double? Min => Summary.Min;

    /// <summary>The largest value.</summary>
    public double? Max => Summary.Max;

    /// <summary>The mean.</summary>
    public double? Avg => Summary.Avg;

    /// <summary>The median.</summary>
    public double? P50 => Summary.Med;

    /// <summary>The 90th percentile.</summary>
    public double? P90 => Summary.P90;

    /// <summary>The 95th percentile.</summary>
    public double? P95 => Summary.P95;

    /// <summary>The 99th percentile.</summary>
    public double? P99 => Summary.P99;

    /// <summary>The same metric within one phase.</summary>
    /// <exception cref="ArgumentException">The metric has no sample in that phase; the message names the phases it has.</exception>
    public MetricView Phase(string phase) =>
        PhaseSummaries.TryGetValue(phase, out var summary)
            ? new MetricView(Probe, Name, Unit, summary, PhaseSummaries, phase)
            : throw new ArgumentException(
                $"{Probe}/{Name} has no samples in phase '{phase}'; it has: {string.Join(", ", PhaseSummaries.Keys)}",
                nameof(phase)
            );

    /// <inheritdoc />
    public override string ToString() => $"{Probe}/{Name}{(PhaseName is null ? "" : $"{{phase:{PhaseName}}}")}: {Describe.Summary(this)}";
}

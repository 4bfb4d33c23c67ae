namespace Harness.Probes.Abstractions;

/// <summary>k6's metric types: how a metric's samples aggregate.</summary>
public enum MetricKind
{
    /// <summary>Durations or sizes; aggregated as percentiles, avg, min, max.</summary>
    Trend,

    /// <summary>Increments; aggregated as a count and a rate per second.</summary>
    Counter,

    /// <summary>1 (true) or 0 (false) per event; aggregated as the share of non-zero values.</summary>
    Rate,

    /// <summary>Last value wins (for example connected clients).</summary>
    Gauge,
}

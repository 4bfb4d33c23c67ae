namespace Harness.Orchestration.Monitoring;

/// <summary>
/// A run as it stands: its phase (null while services and proxies are being set up), the elapsed time, each
/// probe's clients and recent figures, and each threshold's state on what has been recorded so far.
/// </summary>
public sealed record RunSnapshot(
    string Scenario,
    TimeSpan Elapsed,
    PhaseSnapshot? Phase,
    int PhaseCount,
    bool Finished,
    IReadOnlyList<ProbeSnapshot> Probes,
    IReadOnlyList<ThresholdSnapshot> Thresholds
);

/// <summary>The current phase: its 1-based position in the timeline, its planned length and how long it has run.</summary>
public sealed record PhaseSnapshot(string Name, int Number, TimeSpan Planned, TimeSpan Elapsed);

/// <summary>
/// One probe over the last <see cref="MonitorDefaults.Window"/>: percentiles (ms) of its main latency metric,
/// the share of its attempts that failed and, for streams, the share of messages lost. Null figures had no samples.
/// </summary>
public sealed record ProbeSnapshot(
    string Name,
    string Kind,
    ClientCount? Clients,
    string? LatencyMetric,
    double? P50,
    double? P95,
    double? P99,
    double? ErrorRate,
    double? LossRate
);

/// <summary>
/// How many of a probe's users are active now (<see cref="Unit"/>: clients, VUs, participants), and how many the scenario asks for when
/// known.
/// </summary>
public sealed record ClientCount(string Unit, long Active, long? Planned);

/// <summary>A threshold's verdict so far: no data yet, or passing/failing on everything recorded up to now.</summary>
public enum ThresholdState
{
    NoData,
    Passing,
    Failing,
}

/// <summary>One threshold as written, its probe, its state and the value observed so far (null: no data).</summary>
public sealed record ThresholdSnapshot(string Probe, string Source, ThresholdState State, double? Observed)
{
    /// <summary>The observed value with its unit ("302 ms", "12.5 %"), or null when nothing was observed yet.</summary>
    public string? ObservedText { get; init; }
}

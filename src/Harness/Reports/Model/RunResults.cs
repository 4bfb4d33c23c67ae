namespace Harness.Reports.Model;

/// <summary>
/// Everything a run measured and decided: the source of truth every report is rendered from. Versioned by
/// <see cref="SchemaVersion"/>; fields are only ever added.
/// </summary>
public sealed record RunResults(
    int SchemaVersion,
    string RunId,
    RunStatus Status,
    int ExitCode,
    ScenarioInfo Scenario,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Command,
    EnvironmentInfo Environment,
    IReadOnlyList<ServiceResult> Services,
    IReadOnlyList<ProxyResult> Proxies,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<ProbeResult> Probes,
    IReadOnlyList<ThresholdResult> Thresholds,
    IReadOnlyList<EventResult> Events,
    IReadOnlyList<string> Errors
)
{
    public const int CurrentSchemaVersion = 1;

    public double DurationMs => (FinishedAt - StartedAt).TotalMilliseconds;

    /// <summary>Measurement health: the harness's own load per phase and what it did to the verdict; null when not sampled.</summary>
    public HealthResult? Health { get; init; }

    /// <summary>
    /// Artifacts (relative to the report folder) that could not be searched for the scenario's secrets and may hold
    /// them: screenshots, videos, traces with screenshots. Empty when the scenario has no secrets.
    /// </summary>
    public IReadOnlyList<string> SecretsMayRemainIn { get; init; } = [];

    /// <summary>Packet mode's link: configured vs achieved impairment per phase and direction; null in proxy mode.</summary>
    public PacketModeResult? Packet { get; init; }
}

/// <summary>How the run ended.</summary>
public enum RunStatus
{
    Passed,
    Failed,
    Error,
    Interrupted,

    /// <summary>Thresholds failed while the harness itself was saturated: the verdict cannot be trusted (exit 4).</summary>
    Inconclusive,
}

/// <summary>Which scenario ran, with the seed and the fully resolved YAML (secrets masked) needed to repeat it.</summary>
public sealed record ScenarioInfo(
    string Name,
    string? Description,
    IReadOnlyList<string> Tags,
    string Source,
    int Seed,
    string ResolvedYaml = ""
)
{
    /// <summary>The matrix cell (<c>axis=value,...</c>) this run was, or null.</summary>
    public string? Cell { get; init; }
}

public sealed record EnvironmentInfo(
    string Machine,
    string Os,
    string Runtime,
    string HarnessVersion,
    string ToxiproxyKind,
    string ToxiproxyUrl,
    string? ToxiproxyVersion
);

public sealed record ServiceResult(string Name, IReadOnlyList<string> Command, int? Port, double? ReadyMs, int? ExitCode, string Log);

/// <summary>A proxy the run created, with the profile (if any) whose toxics it carried for the whole run.</summary>
public sealed record ProxyResult(
    string Name,
    string ServerName,
    string Listen,
    string Upstream,
    IReadOnlyList<string> Hosts,
    string? Profile,
    IReadOnlyList<ToxicResult> ProfileToxics
)
{
    /// <summary>
    /// Bytes the proxy carried in each phase (both directions, as read from its source side), from the Toxiproxy
    /// server's per-proxy counters; null when the server exposes none (a real Toxiproxy without -proxy-metrics).
    /// </summary>
    public IReadOnlyDictionary<string, long>? PhaseBytes { get; init; }

    /// <summary>Set for a server-to-server link (<c>regions.links</c>): its services, regions and what crossed it.</summary>
    public LinkResult? Link { get; init; }
}

/// <summary>
/// A server-to-server link: from which service (and region) to which, its round trip, and, when the embedded server
/// watched it (<see cref="Observed"/>), the connections it carried, the answers that came back and how many requests
/// their callers gave up on (closed the connection while waiting: their timeouts), with the median waits.
/// </summary>
public sealed record LinkResult(string From, string To, string FromRegion, string ToRegion, double RttMs, bool Observed)
{
    public long? Connections { get; init; }

    public long? Answered { get; init; }

    public long? Abandoned { get; init; }

    public double? WaitMedianMs { get; init; }

    public double? AbandonedAfterMedianMs { get; init; }
}

public sealed record PhaseResult(
    string Name,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double PlannedMs,
    IReadOnlyList<ToxicResult> Toxics
)
{
    public double DurationMs => (EndedAt - StartedAt).TotalMilliseconds;
}

/// <summary>A timeline event as it fired: its phase, planned offset, what it did and when.</summary>
public sealed record EventResult(string Phase, double AtMs, string Action, DateTimeOffset FiredAt);

public sealed record ToxicResult(
    string Proxy,
    string Name,
    string Type,
    string Stream,
    double Toxicity,
    IReadOnlyDictionary<string, long> Attributes
);

public sealed record ProbeResult(string Name, string Kind, string Url, IReadOnlyList<MetricResult> Metrics)
{
    /// <summary>Files a probe saved (screenshots, traces, videos), relative to the report folder.</summary>
    public IReadOnlyList<ArtifactResult> Artifacts { get; init; } = [];

    /// <summary>What a page said: console errors and warnings, page errors, failed requests (verbatim, encoded on display).</summary>
    public IReadOnlyList<MessageResult> Messages { get; init; } = [];

    /// <summary>Browser iterations: each participant's steps with outcome, duration and error.</summary>
    public IReadOnlyList<IterationResult> Iterations { get; init; } = [];

    /// <summary>WebSocket probes: per-client totals and stream messages that could not be read; null for other kinds.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("websocket")]
    public WebSocketDetails? WebSocket { get; init; }

    /// <summary>
    /// Load probes: the executor and what it was asked to do, to hold the achieved figures against; null for other kinds.
    /// </summary>
    public LoadPlanResult? Load { get; init; }

    /// <summary>
    /// Why exchanges failed: per metric and error class, counts, first/last time, phase and one message; most frequent first.
    /// </summary>
    public IReadOnlyList<Harness.Metrics.ErrorTally> Errors { get; init; } = [];

    /// <summary>Each named check (a browser step, an HTTP expectation, ...) with how often it passed and failed over the run.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];
}

/// <summary>A named check of a probe (the <c>check</c> tag of its <c>checks</c> samples): passes and failures over the run.</summary>
public sealed record CheckResult(string Name, long Passed, long Failed);

/// <summary>
/// What a WebSocket probe counted per client (samples are per probe), and the first unreadable stream messages (verbatim, encoded on
/// display).
/// </summary>
public sealed record WebSocketDetails(
    IReadOnlyList<WebSocketClientResult> Clients,
    long UnreadMessages,
    IReadOnlyList<string> UnreadExamples
);

public sealed record WebSocketClientResult(
    int Client,
    long Received,
    long Lost,
    long Duplicated,
    long Reordered,
    long Disconnects,
    long Reconnects
);

/// <summary>
/// A load probe's plan: the k6 executor, how long it starts iterations, and its targets. Arrival-rate executors:
/// <see cref="TargetRate"/> (peak iterations per second), <see cref="PlannedIterations"/> and <see cref="MaxVus"/>;
/// VU executors: <see cref="TargetVus"/> (peak VUs).
/// </summary>
public sealed record LoadPlanResult(
    string Executor,
    double DurationMs,
    double? TargetRate,
    double? PlannedIterations,
    int? TargetVus,
    int? MaxVus,
    long? IterationLimit
);

public sealed record ArtifactResult(string Kind, string Path, string Participant, int Iteration, int? Step);

public sealed record MessageResult(string Kind, string Participant, int Iteration, DateTimeOffset Time, string Text, string? Location);

public sealed record IterationResult(
    string Participant,
    int Iteration,
    DateTimeOffset Started,
    double DurationMs,
    bool Passed,
    string? Error,
    IReadOnlyList<StepResult> Steps
);

public sealed record StepResult(int Index, string Kind, string Description, string Outcome, double DurationMs, string? Error);

/// <summary>One metric of one probe: its summary over the whole run and per phase, and its per-second points for charts.</summary>
public sealed record MetricResult(
    string Name,
    string Kind,
    string Unit,
    Harness.Metrics.MetricSummary All,
    IReadOnlyDictionary<string, Harness.Metrics.MetricSummary> Phases,
    IReadOnlyList<Harness.Metrics.SecondPoint>? Timeline = null
)
{
    /// <summary>The same metric per value of each tag its samples carried (for <c>harness compare --by TAG</c>); empty when none.</summary>
    public IReadOnlyList<Harness.Metrics.TagBreakdownResult> Breakdown { get; init; } = [];
}

public sealed record ThresholdResult(
    string Probe,
    string Expression,
    string Metric,
    string? Phase,
    string Aggregation,
    string Operator,
    double Limit,
    double? Observed,
    bool Passed,
    string Detail
)
{
    /// <summary>The sample tags the threshold was scoped to (<c>participant: alice</c>), or null for every sample.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The matrix cells the threshold belongs to (axis to accepted values), or null for every cell.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? When { get; init; }

    /// <summary>"phase degraded, participant=alice, cells network=3g": the scope in words; empty for a threshold over everything.</summary>
    public string DescribeScope()
    {
        var parts = new List<string>();
        if (Phase is not null)
            parts.Add($"phase {Phase}");
        if (Tags is not null)
            parts.AddRange(Tags.Select(t => $"{t.Key}={t.Value}"));
        if (When is not null)
            parts.Add($"cells {string.Join(",", When.Select(w => $"{w.Key}={string.Join("|", w.Value)}"))}");
        return string.Join(", ", parts);
    }
}

namespace Harness.Scenarios.Loading;

// The scenario exactly as written: raw strings with their locations. Validation turns it into the typed model.

internal sealed record ScenarioDocument(
    SourceLocation Location,
    Located<string>? Name,
    Located<string>? Description,
    IReadOnlyList<Located<string>> Tags,
    Located<string>? Seed,
    Located<string>? MaxDuration,
    TargetDocument? Target,
    IReadOnlyList<ServiceDocument> Services,
    NetworkDocument? Network,
    IReadOnlyList<PhaseDocument> Timeline,
    IReadOnlyList<ProbeDocument> Probes,
    IReadOnlyList<ThresholdDocument> Thresholds
)
{
    public RegionsDocument? Regions { get; init; }

    /// <summary><c>versions:</c> and <c>gray_release:</c>, or null when the file has neither.</summary>
    public GrayReleaseDocument? GrayRelease { get; init; }
}

internal sealed record TargetDocument(SourceLocation Location, Located<string>? BaseUrl, IReadOnlyList<Located<string>> AllowHosts);

internal sealed record ServiceDocument(
    SourceLocation Location,
    Located<string>? Name,
    IReadOnlyList<Located<string>> Command,
    Located<string>? WorkingDir,
    Located<string>? Port,
    Located<string>? ReadyUrl,
    Located<string>? ReadyTimeout,
    IReadOnlyDictionary<string, Located<string>> Environment
)
{
    public Located<string>? Region { get; init; }

    public Located<string>? Host { get; init; }

    public Located<string>? Exits { get; init; }
}

/// <summary>
/// <c>regions:</c> round trips between regions (<c>us-east/eu-west: 75ms</c>), jitter on every link, and the round trip within one region.
/// </summary>
internal sealed record RegionsDocument(
    SourceLocation Location,
    IReadOnlyList<(Located<string> Pair, Located<string> Rtt)> Rtt,
    Located<string>? Jitter,
    Located<string>? Local
)
{
    /// <summary><c>links:</c> server-to-server links between services placed in regions.</summary>
    public IReadOnlyList<RegionLinkDocument> Links { get; init; } = [];

    /// <summary>
    /// <c>optional:</c> regions left out of the run (with everything placed in them) unless <see cref="IncludeOptional"/> is true.
    /// </summary>
    public IReadOnlyList<Located<string>> Optional { get; init; } = [];

    public Located<string>? IncludeOptional { get; init; }
}

/// <summary>One <c>regions.links</c> entry: <c>{ from: room-eu, to: room-us, name: eu-to-us }</c>.</summary>
internal sealed record RegionLinkDocument(SourceLocation Location, Located<string>? Name, Located<string>? From, Located<string>? To);

internal sealed record NetworkDocument(
    SourceLocation Location,
    Located<string>? Toxiproxy,
    ProfileReference? Profile,
    IReadOnlyList<ProxyDocument> Proxies
)
{
    public Located<string>? StaleAfter { get; init; }

    /// <summary><c>bind_all: true</c>: proxies may listen on every interface or a non-loopback address.</summary>
    public Located<string>? BindAll { get; init; }

    /// <summary><c>mode: proxy | packet</c>.</summary>
    public Located<string>? Mode { get; init; }
}

internal sealed record ProxyDocument(
    SourceLocation Location,
    Located<string>? Name,
    Located<string>? Upstream,
    Located<string>? Listen,
    IReadOnlyList<Located<string>> Hosts,
    ProfileReference? Profile
)
{
    /// <summary><c>mode: proxy | packet</c> on one proxy; absent: the scenario's <c>network.mode</c>.</summary>
    public Located<string>? Mode { get; init; }
}

/// <summary>
/// <c>profile: slow-3g</c>, or <c>profile: { name: slow-3g, rtt: 500ms }</c>, or an inline <c>{ rtt: 80ms, loss: 1% }</c>.
/// </summary>
internal sealed record ProfileReference(
    SourceLocation Location,
    Located<string>? Name,
    IReadOnlyDictionary<string, Located<string>> Fields
);

internal sealed record PhaseDocument(
    SourceLocation Location,
    Located<string>? Phase,
    Located<string>? Duration,
    Located<string>? Repeat,
    IReadOnlyList<ToxicDocument> Toxics,
    IReadOnlyList<EventDocument> Events
);

/// <summary>
/// One timeline event: its offset and its single action key with the action's settings (a scalar action has one "value").
/// </summary>
internal sealed record EventDocument(
    SourceLocation Location,
    Located<string>? At,
    Located<string> Action,
    IReadOnlyDictionary<string, Located<string>> Settings
);

internal sealed record ToxicDocument(
    SourceLocation Location,
    Located<string>? Proxy,
    Located<string>? Type,
    Located<string>? Stream,
    Located<string>? Name,
    Located<string>? Toxicity,
    IReadOnlyDictionary<string, Located<string>> Attributes
);

internal sealed record ProbeDocument(
    SourceLocation Location,
    string Kind,
    IReadOnlyDictionary<string, Located<string>> Settings,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Located<string>>> Sections
)
{
    /// <summary>The probe's mapping as a checked reader, for kinds with nested lists (browser steps, load stages).</summary>
    public MappingReader? Body { get; init; }
}

internal sealed record ThresholdDocument(Located<string> Probe, Located<string> Expression)
{
    public bool AbortOnFail { get; init; }

    public Located<string>? Delay { get; init; }

    /// <summary>
    /// <c>when: { axis: value }</c> (or a list of values): the matrix cells the threshold belongs to; null for every cell.
    /// </summary>
    public ThresholdWhenDocument? When { get; init; }
}

internal sealed record ThresholdWhenDocument(
    SourceLocation Location,
    IReadOnlyList<(Located<string> Axis, IReadOnlyList<Located<string>> Values)> Axes
);

namespace Harness.Scenarios.Model;

/// <summary>A validated scenario: everything typed, every reference resolved. Immutable.</summary>
public sealed record Scenario(
    string Name,
    string? Description,
    IReadOnlyList<string> Tags,
    int? Seed,
    string SourcePath,
    TargetSpec Target,
    IReadOnlyList<ServiceSpec> Services,
    NetworkSpec Network,
    IReadOnlyList<PhaseSpec> Timeline,
    IReadOnlyList<ProbeSpec> Probes,
    IReadOnlyList<ThresholdSpec> Thresholds
)
{
    /// <summary>Values taken from the environment; every output replaces them with ***.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The scenario after templating, secrets redacted: what results.json stores so a run can be repeated.</summary>
    public string ResolvedYaml { get; init; } = string.Empty;

    /// <summary>Hard cap on the whole run (services, setup, timeline, cleanup); a run that exceeds it is stopped as an error.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Round trips between the scenario's regions (both orders present), or empty.</summary>
    public IReadOnlyDictionary<(string From, string To), TimeSpan> RegionRtt { get; init; } = new Dictionary<(string, string), TimeSpan>();

    /// <summary>The matrix cell this scenario is, or null for a file without a matrix.</summary>
    public Matrix.MatrixCell? Cell { get; init; }

    /// <summary>The name shown and used for reports: the scenario name, plus the cell when there is one.</summary>
    public string DisplayName => Cell is null ? Name : $"{Name}[{Cell.Name}]";

    /// <summary>The versions of the target running at once (a gray release), in declared order; empty without <c>versions:</c>.</summary>
    public IReadOnlyList<VersionSpec> Versions { get; init; } = [];

    /// <summary>The gray-release gate (<c>gray_release:</c>), or null.</summary>
    public GrayReleaseGateSpec? GrayRelease { get; init; }

    public TimeSpan TotalDuration => Timeline.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Duration);
}

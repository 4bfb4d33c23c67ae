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
    IReadOnlyList<ThresholdSpec> Thresholds)
{
    public TimeSpan TotalDuration => Timeline.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Duration);
}

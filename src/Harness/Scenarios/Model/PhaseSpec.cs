namespace Harness.Scenarios.Model;

/// <summary>A stretch of the timeline: its toxics are added when it starts and removed when it ends.</summary>
public sealed record PhaseSpec(string Name, TimeSpan Duration, IReadOnlyList<ToxicSpec> Toxics);

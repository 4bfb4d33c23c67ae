namespace Harness.Scenarios.Model;

/// <summary>One version of the target running during the run (<c>versions: { B: { host: b.liveroom.test } }</c>).</summary>
public sealed record VersionSpec(string Name, string Host);

/// <summary>A probe's share of one version: its participants (or request rate) in proportion to <see cref="Weight"/>.</summary>
public sealed record VersionShare(string Version, string Host, int Weight);

/// <summary>
/// <c>gray_release:</c>: the run fails when the candidate version regressed against the baseline version inside this
/// run, judged per split probe, metric and phase with the comparison <c>harness compare</c> makes.
/// </summary>
/// <param name="Metrics">The metrics judged; empty for every metric whose worse direction is known.</param>
/// <param name="MinEffectMs">A latency shift below this never fails the gate (beside compare's own minimum effect); null for none.</param>
/// <param name="MinEffectRatio">A shift below this share of the baseline never fails the gate; null for none.</param>
public sealed record GrayReleaseGateSpec(
    string Baseline,
    string Candidate,
    IReadOnlyList<string> Metrics,
    double? MinEffectMs,
    double? MinEffectRatio
);

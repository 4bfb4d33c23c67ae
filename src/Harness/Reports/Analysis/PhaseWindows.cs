using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Reports.Analysis;

/// <summary>Maps per-second points onto the phases that were running (a second belongs to the phase holding its middle).</summary>
internal static class PhaseWindows
{
    public static string? PhaseOf(IReadOnlyList<PhaseResult> phases, long unixSeconds)
    {
        var middle = DateTimeOffset.FromUnixTimeMilliseconds(unixSeconds * 1000 + 500);
        foreach (var phase in phases)
        {
            if (middle >= phase.StartedAt && middle < phase.EndedAt)
                return phase.Name;
        }
        return null;
    }

    /// <summary>The points of one phase (by name, every occurrence), or all points when <paramref name="phase"/> is null.</summary>
    public static IEnumerable<SecondPoint> In(IReadOnlyList<PhaseResult> phases, IEnumerable<SecondPoint> points, string? phase) =>
        phase is null ? points : points.Where(p => PhaseOf(phases, p.UnixSeconds) == phase);

    /// <summary>Phase names in the order they first ran.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<PhaseResult> phases) =>
        phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
}

using Harness.Reports.Model;

namespace Harness.Reports.Compare;

/// <summary>
/// Two values of one sample tag inside one run compared like two runs (<c>harness compare RUN --by version</c>): each
/// side is the run with every metric replaced by its breakdown for that value, so both sides share the network, the
/// moment and the seed, and the verdict is the one <see cref="RunComparer"/> gives two runs.
/// </summary>
internal static class VersionComparer
{
    public static RunComparison Compare(RunResults run, string tag, string baseline, string candidate)
    {
        var comparison = RunComparer.Compare(Side(run, tag, baseline), Side(run, tag, candidate));
        var notes = comparison
            .Notes.Select(n =>
                n.Replace("only in the baseline", $"only seen with {tag}={baseline}", StringComparison.Ordinal)
                    .Replace("only in the candidate", $"only seen with {tag}={candidate}", StringComparison.Ordinal)
            )
            .ToList();
        if (comparison.Metrics.Count == 0)
            notes.Add(
                $"no metric carries both {tag}={baseline} and {tag}={candidate}; values of {tag} here: {string.Join(", ", Values(run, tag))}"
            );
        return comparison with
        {
            Metrics = comparison.Metrics.Select(m => m with { Tag = $"{tag}: {candidate} vs {baseline}" }).ToList(),
            Notes = notes,
        };
    }

    /// <summary>The values of <paramref name="tag"/> the run's metrics were broken down by, in order.</summary>
    public static IReadOnlyList<string> Values(RunResults run, string tag) =>
        run
            .Probes.SelectMany(p => p.Metrics)
            .SelectMany(m => m.Breakdown)
            .Where(b => b.Tag == tag)
            .Select(b => b.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static RunResults Side(RunResults run, string tag, string value) =>
        run with
        {
            Probes = run
                .Probes.Select(p =>
                    p with
                    {
                        Metrics = p
                            .Metrics.SelectMany(m =>
                                m.Breakdown.Where(b => b.Tag == tag && b.Value == value)
                                    .Select(b => new MetricResult(m.Name, m.Kind, m.Unit, b.All, b.Phases, b.Timeline))
                            )
                            .ToList(),
                    }
                )
                .Where(p => p.Metrics.Count > 0)
                .ToList(),
        };
}

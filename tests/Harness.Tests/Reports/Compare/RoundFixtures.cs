using Harness.Reports.Model;

namespace Harness.Tests.Reports.Compare;

/// <summary>
/// Rounds of an alternating comparison built from the smoke fixture: the same run moved later in time, as sequential runs are.
/// </summary>
internal static class RoundFixtures
{
    /// <summary>
    /// <paramref name="results"/> as if it had started <paramref name="by"/> later: run, phases, events and per-second points move
    /// together.
    /// </summary>
    public static RunResults Later(RunResults results, TimeSpan by, string runId) =>
        results with
        {
            RunId = runId,
            StartedAt = results.StartedAt + by,
            FinishedAt = results.FinishedAt + by,
            Phases = results.Phases.Select(p => p with { StartedAt = p.StartedAt + by, EndedAt = p.EndedAt + by }).ToList(),
            Events = results.Events.Select(e => e with { FiredAt = e.FiredAt + by }).ToList(),
            Probes = results
                .Probes.Select(p =>
                    p with
                    {
                        Metrics = p
                            .Metrics.Select(m =>
                                m with
                                {
                                    Timeline = m
                                        .Timeline?.Select(s => s with { UnixSeconds = s.UnixSeconds + (long)by.TotalSeconds })
                                        .ToList(),
                                }
                            )
                            .ToList(),
                    }
                )
                .ToList(),
        };
}

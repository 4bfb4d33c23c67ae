using Harness.Orchestration.Monitoring;

namespace Harness.Cli.Live;

/// <summary>
/// The plain periodic status line (CI logs, pipes, <c>--no-color</c>): phase, elapsed, clients, each probe's
/// recent p95 and the failing thresholds, on one line so a log stays greppable.
/// </summary>
internal static class StatusLine
{
    public static string Format(RunSnapshot snapshot)
    {
        var parts = new List<string>
        {
            snapshot.Phase is { } phase
                ? $"phase {phase.Name} ({phase.Number}/{snapshot.PhaseCount}) {Figures.Seconds(phase.Elapsed)}/{Figures.Seconds(phase.Planned)} s"
            : snapshot.Finished ? "finished"
            : "setting up",
            $"elapsed {Figures.Seconds(snapshot.Elapsed)} s",
        };
        var clients = snapshot.Probes.Where(p => p.Clients is not null).Select(p => $"{p.Name} {Figures.Clients(p.Clients)}").ToList();
        if (clients.Count > 0)
            parts.Add("clients: " + string.Join(", ", clients));
        var p95 = snapshot.Probes.Where(p => p.LatencyMetric is not null).Select(p => $"{p.Name} {Figures.Ms(p.P95)} ms").ToList();
        if (p95.Count > 0)
            parts.Add($"p95 (last {Figures.Seconds(MonitorDefaults.Window)} s): " + string.Join(", ", p95));
        if (snapshot.Thresholds.Count > 0)
        {
            var failing = snapshot.Thresholds.Where(t => t.State == ThresholdState.Failing).ToList();
            var passing = snapshot.Thresholds.Count(t => t.State == ThresholdState.Passing);
            var noData = snapshot.Thresholds.Count(t => t.State == ThresholdState.NoData);
            parts.Add($"thresholds: {passing} passing, {failing.Count} failing, {noData} no data yet");
            if (failing.Count > 0)
                parts.Add("failing: " + string.Join(", ", failing.Select(t => $"{t.Probe}: {t.Source} (observed {Figures.Observed(t)})")));
        }
        return "status: " + string.Join(" | ", parts);
    }
}

using Harness.Metrics.Thresholds;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class ThresholdValidator
{
    public static IReadOnlyList<ThresholdSpec> Validate(
        IReadOnlyList<Loading.ThresholdDocument> thresholds, IReadOnlyList<ValidatedProbe> probes, IReadOnlyList<PhaseSpec> timeline, ValueReader values)
    {
        var result = new List<ThresholdSpec>();
        foreach (var threshold in thresholds)
        {
            var probe = probes.FirstOrDefault(p => p.Spec.Name == threshold.Probe.Value)?.Spec;
            if (probe is null)
            {
                var known = probes.Select(p => p.Spec.Name).ToList();
                values.Diagnostics.Add(threshold.Probe.Location, $"thresholds: no probe named '{threshold.Probe.Value}'{Loading.DidYouMean.Suffix(threshold.Probe.Value, known)}");
            }
            var (expression, error) = ThresholdParser.Parse(threshold.Expression.Value);
            if (error is not null)
            {
                values.Diagnostics.Add(threshold.Expression.Location.Shift(error.Column), error.Message);
                continue;
            }
            if (expression!.Phase is { } phase && timeline.All(p => p.Name != phase))
            {
                values.Diagnostics.Add(threshold.Expression.Location, $"threshold scope names phase '{phase}', which is not in the timeline{Loading.DidYouMean.Suffix(phase, timeline.Select(p => p.Name))}");
                continue;
            }
            if (probe is not null && !Measures(probe, expression.Metric))
            {
                values.Diagnostics.Add(threshold.Expression.Location, $"metric '{expression.Metric}' is not measured by {Kind(probe)} probe '{probe.Name}'");
                continue;
            }
            var delay = values.Duration(threshold.Delay, "threshold delay", TimeSpan.Zero, allowZero: true);
            if (probe is not null) result.Add(new ThresholdSpec(probe.Name, threshold.Expression.Value.Trim(), expression) { AbortOnFail = threshold.AbortOnFail, AbortDelay = delay });
        }
        return result;
    }

    private static bool Measures(ProbeSpec probe, string metric) => probe switch
    {
        HttpProbeSpec => metric.StartsWith("http_", StringComparison.Ordinal) || metric == "checks",
        WebSocketProbeSpec => metric.StartsWith("ws_", StringComparison.Ordinal),
        BrowserProbeSpec => metric.StartsWith("browser_", StringComparison.Ordinal) || metric == "checks" || metric.StartsWith("ws_msgs", StringComparison.Ordinal) || metric == "ws_disconnects",
        LoadProbeSpec load => metric is "vus" or "iterations" or "iteration_duration" or "dropped_iterations" || metric.StartsWith(load.Http is null ? "ws_" : "http_", StringComparison.Ordinal) || metric == "checks",
        _ => false,
    };

    private static string Kind(ProbeSpec probe) => probe switch
    {
        HttpProbeSpec => "http",
        WebSocketProbeSpec => "websocket",
        BrowserProbeSpec => "browser",
        _ => "load",
    };
}

using Harness.Probes.Browser;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>The metrics a scenario names itself: browser <c>record</c> steps and WebSocket <c>metrics</c> fields.</summary>
internal static class RecordedMetrics
{
    public static IReadOnlyList<string> Of(ProbeSpec probe) =>
        probe switch
        {
            BrowserProbeSpec b => b.Steps.OfType<RecordStep>().Select(s => s.Metric).Distinct(StringComparer.Ordinal).ToList(),
            WebSocketProbeSpec w => w.MetricFields.Select(f => f.Metric).ToList(),
            _ => [],
        };
}

using Harness.Metrics.Thresholds;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Thresholds keyed by a server-to-server link's name (<c>regions.links</c>): they judge the link's own metrics
/// (<c>link_*</c>), optionally per phase; links set no other tags.
/// </summary>
internal static class LinkThresholds
{
    public static readonly string[] Metrics = ["link_connections", "link_wait", "link_abandoned", "link_req_abandoned"];

    public static ThresholdSpec? Validate(
        ThresholdDocument threshold,
        ProxySpec link,
        IReadOnlyList<PhaseSpec> timeline,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? when,
        MatrixScope? matrix,
        ValueReader values
    )
    {
        var (expression, error) = ThresholdParser.Parse(threshold.Expression.Value);
        if (error is not null)
        {
            values.Diagnostics.Add(threshold.Expression.Location.Shift(error.Column), error.Message);
            return null;
        }
        var at = threshold.Expression.Location;
        if (!Metrics.Contains(expression!.Metric))
        {
            values.Diagnostics.Add(
                at,
                $"metric '{expression.Metric}' is not measured by link '{link.Name}'; a link measures {string.Join(", ", Metrics)}"
            );
            return null;
        }
        if (expression.Phase is { } phase && timeline.All(p => p.Name != phase))
        {
            values.Diagnostics.Add(
                at,
                $"threshold scope names phase '{phase}', which is not in the timeline{DidYouMean.Suffix(phase, timeline.Select(p => p.Name))}"
            );
            return null;
        }
        if (expression.Tags.Count > 0)
        {
            values.Diagnostics.Add(
                at,
                $"link '{link.Name}' tags its samples with nothing but phase; '{expression.Tags[0].Name}' cannot be scoped"
            );
            return null;
        }
        var delay = values.Duration(threshold.Delay, "threshold delay", TimeSpan.Zero, allowZero: true);
        if (when is not null && matrix?.Selects(when) != true)
            return null;
        return new ThresholdSpec(link.Name, threshold.Expression.Value.Trim(), expression)
        {
            AbortOnFail = threshold.AbortOnFail,
            AbortDelay = delay,
            When = when,
        };
    }
}

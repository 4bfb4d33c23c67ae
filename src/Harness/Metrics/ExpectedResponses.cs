using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>
/// k6's <c>expected_response</c> rule, made the default: a latency (a trend in ms) of a response that was not
/// the expected one (a refused request, a 503 where 200 was expected) says nothing about how fast the target
/// answers, so it is kept out of the metric's plain series, and so out of reports and unscoped thresholds. A
/// threshold whose tag scope names the outcome (<c>expected_response</c>, <c>error</c> or <c>status</c>) sees them.
/// </summary>
internal static class ExpectedResponses
{
    public const string Tag = "expected_response";

    private static readonly string[] OutcomeTags = [Tag, "error", "status"];

    /// <summary>Whether this sample is the latency of an unexpected response.</summary>
    public static bool IsUnexpectedLatency(string metric, SampleTags tags) =>
        tags.Extra is { } extra
        && extra.TryGetValue(Tag, out var value)
        && value == "false"
        && MetricNames.All.TryGetValue(metric, out var info)
        && info is { Kind: MetricKind.Trend, Unit: "ms" };

    /// <summary>Whether a tag scope selects by outcome, and so keeps unexpected responses.</summary>
    public static bool ScopesOutcome(TagFilter filter) => filter.Conditions.Any(c => OutcomeTags.Contains(c.Name, StringComparer.Ordinal));
}

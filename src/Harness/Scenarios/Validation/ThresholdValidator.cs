using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class ThresholdValidator
{
    /// <param name="matrix">The file's matrix and the cell being validated; null for a file without one.</param>
    public static IReadOnlyList<ThresholdSpec> Validate(
        IReadOnlyList<ThresholdDocument> thresholds,
        IReadOnlyList<ValidatedProbe> probes,
        IReadOnlyList<PhaseSpec> timeline,
        ValueReader values,
        MatrixScope? matrix = null,
        IReadOnlyList<ProxySpec>? links = null
    )
    {
        var result = new List<ThresholdSpec>();
        var recorded = probes.SelectMany(p => RecordedMetrics.Of(p.Spec)).ToHashSet(StringComparer.Ordinal);
        foreach (var threshold in thresholds)
        {
            if (links?.FirstOrDefault(l => l.Name == threshold.Probe.Value) is { } link)
            {
                if (LinkThresholds.Validate(threshold, link, timeline, When(threshold.When, matrix, values), matrix, values) is { } spec)
                    result.Add(spec);
                continue;
            }
            var probe = probes.FirstOrDefault(p => p.Spec.Name == threshold.Probe.Value)?.Spec;
            if (probe is null)
            {
                var known = probes.Select(p => p.Spec.Name).Concat(links?.Select(l => l.Name) ?? []).ToList();
                values.Diagnostics.Add(
                    threshold.Probe.Location,
                    $"thresholds: no probe named '{threshold.Probe.Value}'{DidYouMean.Suffix(threshold.Probe.Value, known)}"
                );
            }
            var when = When(threshold.When, matrix, values);
            var (expression, error) = ThresholdParser.Parse(threshold.Expression.Value, recorded);
            if (error is not null)
            {
                values.Diagnostics.Add(threshold.Expression.Location.Shift(error.Column), error.Message);
                continue;
            }
            if (expression!.Phase is { } phase && timeline.All(p => p.Name != phase))
            {
                values.Diagnostics.Add(
                    threshold.Expression.Location,
                    $"threshold scope names phase '{phase}', which is not in the timeline{DidYouMean.Suffix(phase, timeline.Select(p => p.Name))}"
                );
                continue;
            }
            if (probe is not null && !Measures(probe, expression.Metric))
            {
                values.Diagnostics.Add(
                    threshold.Expression.Location,
                    $"metric '{expression.Metric}' is not measured by {Kind(probe)} probe '{probe.Name}'"
                );
                continue;
            }
            var tags = probe is null ? null : Tags(expression, probe, threshold.Expression.Location, values);
            var delay = values.Duration(threshold.Delay, "threshold delay", TimeSpan.Zero, allowZero: true);
            // A cell the threshold does not select never carries it: there it is absent, not passed.
            if (when is not null && matrix?.Selects(when) != true)
                continue;
            if (probe is not null)
            {
                result.Add(
                    new ThresholdSpec(probe.Name, threshold.Expression.Value.Trim(), expression)
                    {
                        AbortOnFail = threshold.AbortOnFail,
                        AbortDelay = delay,
                        Tags = tags,
                        When = when,
                    }
                );
            }
        }
        return result;
    }

    /// <summary>
    /// Checks every tag of the braces against what the probe kind tags, and declared values (participants, roles) against the scenario.
    /// </summary>
    private static TagFilter? Tags(ThresholdExpression expression, ProbeSpec probe, SourceLocation location, ValueReader values)
    {
        if (expression.Tags.Count == 0)
            return null;
        var conditions = new List<TagCondition>();
        var known = ProbeTagCatalog.For(probe);
        foreach (var tag in expression.Tags)
        {
            var at = location.Shift(tag.Column);
            if (!known.Contains(tag.Name))
            {
                values.Diagnostics.Add(
                    at,
                    $"{Kind(probe)} probe '{probe.Name}' does not tag its samples with '{tag.Name}'{DidYouMean.Suffix(tag.Name, known)}; its tags are phase, {string.Join(", ", known)}"
                );
                continue;
            }
            var declared = ProbeTagCatalog.Values(probe, tag.Name);
            if (declared is null)
            {
                conditions.Add(new TagCondition(tag.Name, tag.Value, [tag.Value]));
            }
            else if (declared.TryGetValue(tag.Value, out var accepts))
            {
                conditions.Add(new TagCondition(tag.Name, tag.Value, accepts));
            }
            else if (declared.Count == 0)
            {
                values.Diagnostics.Add(
                    at,
                    $"{Kind(probe)} probe '{probe.Name}' sets no '{tag.Name}', so no sample carries {tag.Name}:{tag.Value}{(probe is WebSocketProbeSpec ? $"; add '{tag.Name}: {tag.Value}' to the probe" : string.Empty)}"
                );
            }
            else
            {
                values.Diagnostics.Add(
                    at,
                    $"{Kind(probe)} probe '{probe.Name}' has no {tag.Name} '{tag.Value}'{DidYouMean.Suffix(tag.Value, declared.Keys)}; it has {string.Join(", ", declared.Keys)}"
                );
            }
        }
        return conditions.Count == expression.Tags.Count ? new TagFilter(conditions) : null;
    }

    internal static Dictionary<string, IReadOnlyList<string>>? When(ThresholdWhenDocument? when, MatrixScope? matrix, ValueReader values)
    {
        if (when is null)
            return null;
        if (matrix is null)
        {
            values.Diagnostics.Add(
                when.Location,
                "when: this scenario has no matrix, so there are no cells to pick; remove 'when' or add a 'matrix'"
            );
            return null;
        }
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var known = true;
        foreach (var (axis, accepted) in when.Axes)
        {
            if (!matrix.Axes.TryGetValue(axis.Value, out var axisValues))
            {
                values.Diagnostics.Add(
                    axis.Location,
                    $"when: the matrix has no axis '{axis.Value}'{DidYouMean.Suffix(axis.Value, matrix.Axes.Keys)}; its axes are {string.Join(", ", matrix.Axes.Keys)}"
                );
                continue;
            }
            foreach (var value in accepted.Where(v => !axisValues.Contains(v.Value, StringComparer.Ordinal)))
            {
                known = false;
                values.Diagnostics.Add(
                    value.Location,
                    $"when: matrix axis '{axis.Value}' has no value '{value.Value}'{DidYouMean.Suffix(value.Value, axisValues)}; its values are {string.Join(", ", axisValues)}"
                );
            }
            if (!result.TryAdd(axis.Value, accepted.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList()))
            {
                values.Diagnostics.Add(axis.Location, $"when: axis '{axis.Value}' is given twice");
            }
        }
        // After exclude (or a pairwise cover) no cell may have this combination: the threshold would silently never be checked.
        if (known && result.Count == when.Axes.Count && matrix.Cells.Count > 0 && !matrix.SelectsAny(result))
        {
            var wanted = string.Join(" and ", result.Select(w => $"{w.Key}={string.Join("|", w.Value)}"));
            values.Diagnostics.Add(
                when.Location,
                $"when: no matrix cell has {wanted}, so this threshold would never be checked; "
                    + $"the cells are {string.Join("; ", matrix.Cells.Select(c => c.Name))}"
            );
        }
        return result;
    }

    private static bool Measures(ProbeSpec probe, string metric) =>
        !Probes.Abstractions.MetricNames.All.ContainsKey(metric)
            ? RecordedMetrics.Of(probe).Contains(metric)
            : probe switch
            {
                HttpProbeSpec => metric.StartsWith("http_", StringComparison.Ordinal) || metric == "checks",
                WebSocketProbeSpec => metric.StartsWith("ws_", StringComparison.Ordinal),
                BrowserProbeSpec => metric.StartsWith("browser_", StringComparison.Ordinal)
                    || metric == "checks"
                    || metric.StartsWith("ws_msgs", StringComparison.Ordinal)
                    || metric == "ws_disconnects",
                LoadProbeSpec load => metric is "vus" or "iterations" or "iteration_duration" or "dropped_iterations"
                    || metric.StartsWith(load.Http is null ? "ws_" : "http_", StringComparison.Ordinal)
                    || metric == "checks",
                _ => false,
            };

    private static string Kind(ProbeSpec probe) =>
        probe switch
        {
            HttpProbeSpec => "http",
            WebSocketProbeSpec => "websocket",
            BrowserProbeSpec => "browser",
            _ => "load",
        };
}

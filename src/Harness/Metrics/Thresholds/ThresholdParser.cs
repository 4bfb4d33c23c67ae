using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Probes.Abstractions;

namespace Harness.Metrics.Thresholds;

/// <summary>A threshold that could not be parsed: what is wrong and at which character of the expression.</summary>
public sealed record ThresholdParseError(int Column, string Message);

/// <summary>Parses k6-style threshold expressions and checks them against the metric catalogue.</summary>
public static partial class ThresholdParser
{
    [GeneratedRegex(
        @"^(?<metric>[A-Za-z_][A-Za-z0-9_]*)(\{(?<scope>[^}]*)\})?\s+(?<agg>p\(\s*(?<pct>[0-9]+(\.[0-9]+)?)\s*\)|[a-z]+)\s*(?<op><=|>=|==|!=|<|>)\s*(?<value>-?[0-9]+(\.[0-9]+)?)\s*(?<unit>ms|s|%)?\s*$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Grammar();

    [GeneratedRegex(@"(?<=\s)p([0-9]+(\.[0-9]+)?)(?=\s|[<>=!])", RegexOptions.CultureInvariant)]
    private static partial Regex PercentileWithoutParentheses();

    private static readonly string[] Aggregations = ["p(N)", "avg", "min", "max", "med", "count", "rate"];

    /// <param name="recorded">Metrics the scenario records itself (browser record steps, WebSocket fields): plain-number trends.</param>
    public static (ThresholdExpression? Expression, ThresholdParseError? Error) Parse(
        string text,
        IReadOnlyCollection<string>? recorded = null
    )
    {
        var trimmed = text.Trim();
        var offset = text.Length - text.TrimStart().Length;
        var match = Grammar().Match(trimmed);
        if (!match.Success && PercentileWithoutParentheses().Match(trimmed) is { Success: true } p)
        {
            return (null, new ThresholdParseError(offset + p.Index, $"write percentiles as p({p.Groups[1].Value}), not {p.Value}"));
        }
        if (!match.Success)
        {
            return (
                null,
                new ThresholdParseError(
                    offset,
                    $"cannot read threshold \"{trimmed}\"; expected 'metric aggregation operator value', e.g. \"http_req_duration p(95) < 300ms\""
                )
            );
        }
        var metric = match.Groups["metric"].Value;
        MetricInfo? info;
        if (recorded?.Contains(metric) == true && !MetricNames.All.ContainsKey(metric))
            info = new MetricInfo(MetricKind.Trend, "");
        else if (!MetricNames.All.TryGetValue(metric, out info))
        {
            var suggestion = Scenarios.Loading.DidYouMean.Suffix(metric, MetricNames.All.Keys.Concat(recorded ?? []));
            return (null, new ThresholdParseError(offset, $"unknown metric '{metric}'{suggestion}"));
        }
        var (phase, tags, scopeError) = match.Groups["scope"].Success
            ? ParseScope(match.Groups["scope"].Value, offset + match.Groups["scope"].Index)
            : (null, [], null);
        if (scopeError is not null)
            return (null, scopeError);
        var aggGroup = match.Groups["agg"];
        var aggregation = ParseAggregation(aggGroup.Value);
        if (aggregation is null)
        {
            return (
                null,
                new ThresholdParseError(
                    offset + aggGroup.Index,
                    $"unknown aggregation '{aggGroup.Value}'; use one of {string.Join(", ", Aggregations)}"
                )
            );
        }
        double? percentile =
            aggregation == Aggregation.Percentile ? double.Parse(match.Groups["pct"].Value, CultureInfo.InvariantCulture) : null;
        if (percentile is < 0 or > 100)
        {
            return (null, new ThresholdParseError(offset + aggGroup.Index, "a percentile must be between 0 and 100"));
        }
        if (!Allowed(info.Kind).Contains(aggregation.Value))
        {
            return (
                null,
                new ThresholdParseError(
                    offset + aggGroup.Index,
                    $"'{aggGroup.Value}' does not apply to {metric}, a {info.Kind.ToString().ToLowerInvariant()} metric; use {string.Join(", ", Allowed(info.Kind).Select(Name))}"
                )
            );
        }
        var valueGroup = match.Groups["value"];
        var value = double.Parse(valueGroup.Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : null;
        var (limit, unitError) = Normalize(value, unit, aggregation.Value, info);
        if (unitError is not null)
            return (null, new ThresholdParseError(offset + valueGroup.Index, unitError));
        return (
            new ThresholdExpression(metric, phase, aggregation.Value, percentile, ParseOperator(match.Groups["op"].Value), limit)
            {
                Tags = tags,
            },
            null
        );
    }

    // k6's braces: comma-separated name:value pairs. "phase" selects the phase; every other name is a sample tag.
    private static (string? Phase, IReadOnlyList<ThresholdTag> Tags, ThresholdParseError? Error) ParseScope(string scope, int column)
    {
        string? phase = null;
        var tags = new List<ThresholdTag>();
        var at = 0;
        foreach (var pair in scope.Split(','))
        {
            var pairColumn = column + at + (pair.Length - pair.TrimStart().Length);
            at += pair.Length + 1;
            var parts = pair.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TagName().IsMatch(parts[0]) || parts[1].Length == 0)
            {
                return (
                    null,
                    [],
                    new ThresholdParseError(
                        pairColumn,
                        $"unsupported scope '{pair.Trim()}' in {{{scope}}}; write name:value pairs separated by commas, e.g. {{phase:degraded,participant:alice}}"
                    )
                );
            }
            var (name, value) = (parts[0], parts[1]);
            if (name == "phase" ? phase is not null : tags.Any(t => t.Name == name))
            {
                return (
                    null,
                    [],
                    new ThresholdParseError(pairColumn, $"'{name}' appears twice in {{{scope}}}; a sample has one value per tag")
                );
            }
            if (name == "phase")
                phase = value;
            else
                tags.Add(new ThresholdTag(name, value, pairColumn));
        }
        return (phase, tags, null);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagName();

    private static Aggregation? ParseAggregation(string text) =>
        text switch
        {
            _ when text.StartsWith("p(", StringComparison.Ordinal) => Aggregation.Percentile,
            "avg" => Aggregation.Avg,
            "min" => Aggregation.Min,
            "max" => Aggregation.Max,
            "med" => Aggregation.Med,
            "count" => Aggregation.Count,
            "rate" => Aggregation.Rate,
            _ => null,
        };

    private static string Name(Aggregation aggregation) =>
        aggregation == Aggregation.Percentile ? "p(N)" : aggregation.ToString().ToLowerInvariant();

    private static Aggregation[] Allowed(MetricKind kind) =>
        kind switch
        {
            MetricKind.Trend =>
            [
                Aggregation.Percentile,
                Aggregation.Avg,
                Aggregation.Min,
                Aggregation.Max,
                Aggregation.Med,
                Aggregation.Count,
            ],
            MetricKind.Rate => [Aggregation.Rate, Aggregation.Count],
            MetricKind.Counter => [Aggregation.Count, Aggregation.Rate],
            _ => [Aggregation.Min, Aggregation.Max, Aggregation.Avg],
        };

    private static ComparisonOperator ParseOperator(string text) =>
        text switch
        {
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            ">=" => ComparisonOperator.GreaterOrEqual,
            "==" => ComparisonOperator.Equal,
            _ => ComparisonOperator.NotEqual,
        };

    private static (double Limit, string? Error) Normalize(double value, string? unit, Aggregation aggregation, MetricInfo info)
    {
        var isDuration = info.Unit == "ms" && aggregation != Aggregation.Count;
        var isShare = info.Kind == MetricKind.Rate && aggregation == Aggregation.Rate;
        return unit switch
        {
            "ms" when isDuration => (value, null),
            "s" when isDuration => (value * 1000, null),
            null when isDuration => (value, null),
            "%" when isShare => (value / 100, null),
            null when isShare && value is >= 0 and <= 1 => (value, null),
            null when isShare => (0, "a rate is a share: write it as 0..1 or with %"),
            null when !isDuration && !isShare => (value, null),
            _ => (
                0,
                $"unit '{unit}' does not fit this aggregation; use {(isDuration ? "ms or s" : isShare ? "% or a 0..1 fraction" : "a plain number")}"
            ),
        };
    }
}

using Harness.Probes.Abstractions;

namespace Harness.Metrics;

/// <summary>One tag a scoped sample must carry: its name, the value as written, and the values that count as it.</summary>
/// <param name="Accepts">Usually just <paramref name="Value"/>; a browser participant declared with <c>count: 3</c> accepts its three
/// copies.</param>
public sealed record TagCondition(string Name, string Value, IReadOnlyList<string> Accepts);

/// <summary>
/// The tags a threshold scopes its samples to (<c>http_req_duration{participant:alice}</c>): a sample counts when
/// it carries every named tag with an accepted value. Equal filters (same names and values, in any order) are
/// one filter, so two thresholds on the same scope share one series.
/// </summary>
public sealed class TagFilter : IEquatable<TagFilter>
{
    private readonly TagCondition[] _conditions;

    public TagFilter(IEnumerable<TagCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        _conditions = conditions.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        if (_conditions.Length == 0)
            throw new ArgumentException("a tag filter needs at least one tag", nameof(conditions));
        Text = string.Join(",", _conditions.Select(c => $"{c.Name}:{c.Value}"));
    }

    /// <summary>Convenience for exact values: every tag must equal its value.</summary>
    public static TagFilter Of(params (string Name, string Value)[] tags) =>
        new(tags.Select(t => new TagCondition(t.Name, t.Value, [t.Value])));

    public IReadOnlyList<TagCondition> Conditions => _conditions;

    /// <summary>k6's brace form without the braces, names sorted: <c>participant:alice,role:teacher</c>.</summary>
    public string Text { get; }

    /// <summary>The tags as written (name to value), for results and reports.</summary>
    public IReadOnlyDictionary<string, string> Values => _conditions.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);

    /// <summary>Allocation-free: runs for every sample of a probe that has scoped thresholds.</summary>
    public bool Matches(SampleTags tags)
    {
        if (tags.Extra is not { } extra)
            return false;
        foreach (var condition in _conditions)
        {
            if (!extra.TryGetValue(condition.Name, out var value) || !Accepted(condition.Accepts, value))
                return false;
        }
        return true;
    }

    private static bool Accepted(IReadOnlyList<string> accepts, string value)
    {
        for (var i = 0; i < accepts.Count; i++)
        {
            if (string.Equals(accepts[i], value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public bool Equals(TagFilter? other) => other is not null && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as TagFilter);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}

/// <summary>
/// A series the store keeps beside the plain one: samples of <see cref="Metric"/> from <see cref="Probe"/> that match <see cref="Filter"/>.
/// </summary>
public sealed record TagScope(string Probe, string Metric, TagFilter Filter);

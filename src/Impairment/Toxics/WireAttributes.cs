namespace Harness.Impairment.Toxics;

/// <summary>A toxic's attributes as stored and echoed: every schema attribute present, in schema order.</summary>
internal sealed class WireAttributes
{
    private readonly ToxicAttribute[] _values;

    private WireAttributes(ToxicAttribute[] values) => _values = values;

    public IReadOnlyList<ToxicAttribute> Values => _values;

    public long this[string name] => Array.Find(_values, a => a.Name == name).Value;

    public static WireAttributes Create(ToxicSchema schema, IReadOnlyDictionary<string, long>? given) =>
        new(schema.AttributeNames
            .Select(n => new ToxicAttribute(n, given is not null && given.TryGetValue(n, out var v) ? v : 0))
            .ToArray());

    /// <summary>Keys present in <paramref name="update"/> overwrite; absent keys keep their current value.</summary>
    public WireAttributes Merge(IReadOnlyDictionary<string, long>? update) =>
        update is null
            ? this
            : new(_values.Select(a => update.TryGetValue(a.Name, out var v) ? a with { Value = v } : a).ToArray());
}

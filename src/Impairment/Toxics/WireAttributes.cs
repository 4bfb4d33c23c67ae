namespace Harness.Impairment.Toxics;

/// <summary>
/// A toxic's attributes as stored and echoed: every schema attribute present, in schema order, except extension
/// attributes still at zero (see <see cref="ToxicSchema.EchoedWhenSet"/>).
/// </summary>
internal sealed class WireAttributes
{
    private readonly ToxicSchema _schema;
    private readonly ToxicAttribute[] _values;

    private WireAttributes(ToxicSchema schema, ToxicAttribute[] values)
    {
        _schema = schema;
        _values = values;
        Values = values.Where(a => a.Value != 0 || !schema.EchoedWhenSet.Contains(a.Name)).ToArray();
    }

    /// <summary>What the API reports.</summary>
    public IReadOnlyList<ToxicAttribute> Values { get; }

    public long this[string name] => Array.Find(_values, a => a.Name == name).Value;

    public static WireAttributes Create(ToxicSchema schema, IReadOnlyDictionary<string, long>? given) =>
        new(
            schema,
            schema
                .AttributeNames.Select(n => new ToxicAttribute(
                    n,
                    given is not null && given.TryGetValue(n, out var v) ? v : schema.Defaults.GetValueOrDefault(n)
                ))
                .ToArray()
        );

    /// <summary>Keys present in <paramref name="update"/> overwrite; absent keys keep their current value.</summary>
    public WireAttributes Merge(IReadOnlyDictionary<string, long>? update) =>
        update is null
            ? this
            : new(_schema, _values.Select(a => update.TryGetValue(a.Name, out var v) ? a with { Value = v } : a).ToArray());
}

namespace Harness.Impairment.Toxics;

/// <summary>
/// A registered toxic type: its schema, a validator for inputs the real server mishandles (answered with 400
/// instead of a hang or a crash) and a factory from wire attributes to a toxic instance.
/// </summary>
internal sealed record ToxicKind(ToxicSchema Schema, Func<WireAttributes, IToxic> Create, Func<WireAttributes, string?>? Validate = null)
{
    public string Type => Schema.Type;
}

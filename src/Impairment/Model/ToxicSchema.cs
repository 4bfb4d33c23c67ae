namespace Harness.Impairment.Model;

/// <summary>
/// What a toxic type accepts on the wire. <see cref="AttributeNames"/> is the emission order (Go's struct field
/// order); <see cref="GoStructName"/> only feeds decoder messages compatible with the real server's.
/// </summary>
public sealed record ToxicSchema(string Type, string GoStructName, IReadOnlyList<string> AttributeNames)
{
    /// <summary>
    /// Values an attribute takes when a create request leaves it out. Toxiproxy's own types have none (absent
    /// means 0); only our additional types use this, so their echo shows the value that is really in force.
    /// </summary>
    public IReadOnlyDictionary<string, long> Defaults { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Our additions to Toxiproxy's types (latency's <c>distribution</c>): decoded like any attribute but echoed
    /// only when non-zero, so every response stays byte-identical for clients that never send them.
    /// </summary>
    public IReadOnlyCollection<string> EchoedWhenSet { get; init; } = [];
}

namespace Harness.Impairment.Toxics;

/// <summary>
/// What a toxic type accepts on the wire. <see cref="AttributeNames"/> is the emission order (Go's struct field
/// order); <see cref="GoStructName"/> only feeds decoder messages compatible with the real server's.
/// </summary>
public sealed record ToxicSchema(string Type, string GoStructName, IReadOnlyList<string> AttributeNames);

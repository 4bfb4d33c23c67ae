namespace Harness.Impairment.Model;

/// <summary>
/// A toxic to add. <see cref="Stream"/> null means absent (downstream); an empty string is invalid. A null or
/// empty <see cref="Name"/> becomes <c>type_stream</c> with the stream as sent.
/// </summary>
public sealed record ToxicSpec(
    string Type,
    string? Name = null,
    string? Stream = null,
    float Toxicity = 1f,
    ToxicAttributeInput? Attributes = null
);

/// <summary>A partial toxic update: attributes present overwrite, absent keep; null toxicity keeps the current one.</summary>
public sealed record ToxicPatch(ToxicAttributeInput? Attributes = null, float? Toxicity = null);

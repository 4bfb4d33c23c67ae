namespace Harness.Impairment.Model;

/// <summary>
/// A toxic as the API reports it. <see cref="Stream"/> is echoed exactly as it was sent (e.g. "UPSTREAM");
/// <see cref="Attributes"/> holds every attribute of the type, in the type's order.
/// </summary>
public sealed record ToxicState(
    string Name,
    string Type,
    string Stream,
    Direction Direction,
    float Toxicity,
    IReadOnlyList<ToxicAttribute> Attributes
);

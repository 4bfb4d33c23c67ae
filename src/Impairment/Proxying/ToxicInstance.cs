using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A toxic as placed in a chain. <see cref="Id"/> is stable for the toxic's life in the proxy (updates keep it,
/// re-adding gets a new one); <see cref="Version"/> changes on every update, which re-draws toxicity on each link.
/// </summary>
internal sealed record ToxicInstance(long Id, long Version, ToxicState State, ToxicKind Kind, IToxic Toxic)
{
    public float Toxicity => State.Toxicity;
}

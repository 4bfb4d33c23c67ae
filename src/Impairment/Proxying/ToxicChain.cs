using System.Collections.Immutable;

namespace Harness.Impairment.Proxying;

/// <summary>One direction's toxics in insertion order. Immutable: a change publishes a whole new chain.</summary>
internal sealed record ToxicChain(ImmutableArray<ToxicInstance> Toxics)
{
    public static readonly ToxicChain Empty = new(ImmutableArray<ToxicInstance>.Empty);
}

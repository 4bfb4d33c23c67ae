using System.Collections.Immutable;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A proxy's toxics per direction. Not thread-safe: the owning proxy serialises access and publishes every
/// resulting chain to its live connections.
/// </summary>
internal sealed class ToxicCollection
{
    private readonly ImmutableArray<ToxicInstance>[] _chains =
    [
        [],
        [],
    ];
    private long _nextId = 1;

    public ToxicChain Chain(Direction direction) => new(_chains[(int)direction]);

    /// <summary>Upstream chain first, then downstream, each in insertion order (the API's order).</summary>
    public IEnumerable<ToxicInstance> All => _chains[0].Concat(_chains[1]);

    public ToxicInstance? Find(string name) => All.FirstOrDefault(t => t.State.Name == name);

    public long NextId() => _nextId++;

    public void Append(ToxicInstance toxic) => _chains[(int)toxic.State.Direction] = _chains[(int)toxic.State.Direction].Add(toxic);

    public void Replace(ToxicInstance current, ToxicInstance updated)
    {
        var chain = _chains[(int)current.State.Direction];
        _chains[(int)current.State.Direction] = chain.SetItem(chain.IndexOf(current), updated);
    }

    public void Remove(ToxicInstance toxic) => _chains[(int)toxic.State.Direction] = _chains[(int)toxic.State.Direction].Remove(toxic);

    public void Clear()
    {
        _chains[0] = [];
        _chains[1] = [];
    }
}

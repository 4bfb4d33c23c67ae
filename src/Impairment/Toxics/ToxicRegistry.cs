namespace Harness.Impairment.Toxics;

/// <summary>
/// Toxic types by wire name. Filled explicitly by a composition root (<see cref="DefaultToxics"/>); there is no
/// global instance and no reflection scan, so a test or a host can build exactly the set it wants.
/// </summary>
internal sealed class ToxicRegistry
{
    private readonly Dictionary<string, ToxicKind> _kinds = new(StringComparer.Ordinal);

    public ToxicRegistry Register(ToxicKind kind)
    {
        if (!_kinds.TryAdd(kind.Type, kind))
        {
            throw new InvalidOperationException($"Toxic type '{kind.Type}' is registered twice.");
        }
        return this;
    }

    public bool TryGet(string type, out ToxicKind kind) => _kinds.TryGetValue(type, out kind!);

    public IReadOnlyCollection<string> Types => _kinds.Keys;
}

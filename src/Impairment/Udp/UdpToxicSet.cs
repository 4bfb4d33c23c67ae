using System.Collections.Immutable;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>
/// A UDP proxy's toxics per direction, with the API's add, update and remove rules (checks in Toxiproxy's order).
/// Each change publishes a new immutable chain that the next datagram reads; nothing waits on traffic.
/// </summary>
internal sealed class UdpToxicSet
{
    private readonly object _gate = new();
    private readonly ImmutableArray<UdpToxic>[] _chains =
    [
        [],
        [],
    ];
    private long _nextId = 1;

    // ImmutableArray wraps one reference, so a plain read is atomic; readers see the old or the new chain.
    public ImmutableArray<UdpToxic> Chain(Direction direction) => _chains[(int)direction];

    public IReadOnlyList<ToxicState> States()
    {
        lock (_gate)
            return All().Select(t => t.State).ToArray();
    }

    public ToxicState? Find(string name)
    {
        lock (_gate)
            return FindToxic(name)?.State;
    }

    public ImpairmentResult<ToxicState> Add(ToxicSpec spec)
    {
        var stream = spec.Stream ?? DirectionNames.Downstream;
        if (!DirectionNames.TryParse(stream, out var direction))
            return ImpairmentError.InvalidStream;
        var name = string.IsNullOrEmpty(spec.Name) ? $"{spec.Type}_{stream}" : spec.Name;
        if (!UdpToxicKinds.TryGet(spec.Type ?? "", out var kind))
            return ImpairmentError.InvalidToxicType;
        if (NameRules.Check(name, "toxic") is { } badName)
            return badName;
        lock (_gate)
        {
            if (FindToxic(name) is not null)
                return ImpairmentError.ToxicExists;
            var attributes = Decode(kind, spec.Attributes, null);
            if (!attributes.IsSuccess)
                return attributes.Error;
            var state = new ToxicState(name, kind.Type, stream, direction, spec.Toxicity, attributes.Value.Values);
            Publish(direction, Chain(direction).Add(new UdpToxic(_nextId++, 0, state, kind, kind.Create(attributes.Value))));
            return state;
        }
    }

    public ImpairmentResult<ToxicState> Update(string name, ToxicPatch patch)
    {
        lock (_gate)
        {
            if (FindToxic(name) is not { } current)
                return ImpairmentError.ToxicNotFound;
            var existing = current.State.Attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
            var attributes = Decode(current.Kind, patch.Attributes, WireAttributes.Create(current.Kind.Schema, existing));
            if (!attributes.IsSuccess)
                return attributes.Error;
            var state = current.State with { Toxicity = patch.Toxicity ?? current.State.Toxicity, Attributes = attributes.Value.Values };
            var updated = current with { Version = current.Version + 1, State = state, Toxic = current.Kind.Create(attributes.Value) };
            var chain = Chain(state.Direction);
            Publish(state.Direction, chain.SetItem(chain.IndexOf(current), updated));
            return state;
        }
    }

    public ImpairmentError? Remove(string name)
    {
        lock (_gate)
        {
            if (FindToxic(name) is not { } found)
                return ImpairmentError.ToxicNotFound;
            Publish(found.State.Direction, Chain(found.State.Direction).Remove(found));
            return null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Publish(Direction.Upstream, []);
            Publish(Direction.Downstream, []);
        }
    }

    private IEnumerable<UdpToxic> All() => Chain(Direction.Upstream).Concat(Chain(Direction.Downstream));

    private UdpToxic? FindToxic(string name) => All().FirstOrDefault(t => t.State.Name == name);

    private void Publish(Direction direction, ImmutableArray<UdpToxic> chain) => _chains[(int)direction] = chain;

    private static ImpairmentResult<WireAttributes> Decode(UdpToxicKind kind, ToxicAttributeInput? input, WireAttributes? current)
    {
        IReadOnlyDictionary<string, long>? given = null;
        if (input is not null && !input.TryDecode(kind.Schema, out given, out var error))
            return ImpairmentError.BadBody(error);
        var wire = current?.Merge(given) ?? WireAttributes.Create(kind.Schema, given);
        return kind.Validate?.Invoke(wire) is { } invalid ? new ImpairmentError(ImpairmentErrorKind.BadRequest, invalid) : wire;
    }
}

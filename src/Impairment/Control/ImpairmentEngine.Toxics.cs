using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Control;

public sealed partial class ImpairmentEngine
{
    public ImpairmentResult<IReadOnlyList<ToxicState>> ListToxics(string proxy)
    {
        lock (_gate) return _proxies.TryGetValue(proxy, out var p) ? ImpairmentResult<IReadOnlyList<ToxicState>>.Success(p.Toxics()) : ImpairmentError.ProxyNotFound;
    }

    public ImpairmentResult<ToxicState> GetToxic(string proxy, string toxic)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return ImpairmentError.ProxyNotFound;
            return p.FindToxic(toxic) is { } found ? found.State : ImpairmentError.ToxicNotFound;
        }
    }

    /// <summary>Checks in the real server's order: stream, default name, type, name conflict, then attributes.</summary>
    public ImpairmentResult<ToxicState> AddToxic(string proxy, ToxicSpec spec)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return ImpairmentError.ProxyNotFound;
            var stream = spec.Stream ?? DirectionNames.Downstream;
            if (!DirectionNames.TryParse(stream, out var direction)) return ImpairmentError.InvalidStream;
            var name = string.IsNullOrEmpty(spec.Name) ? $"{spec.Type}_{stream}" : spec.Name;
            if (!_registry.TryGet(spec.Type ?? "", out var kind)) return ImpairmentError.InvalidToxicType;
            if (p.FindToxic(name) is not null) return ImpairmentError.ToxicExists;
            var attributes = Decode(kind, spec.Attributes, null);
            if (!attributes.IsSuccess) return attributes.Error;

            var state = new ToxicState(name, kind.Type, stream, direction, spec.Toxicity, attributes.Value.Values);
            var instance = new ToxicInstance(p.NextToxicId(), 0, state, kind, kind.Create(attributes.Value));
            var added = p.TryChange(toxics =>
            {
                if (toxics.Find(name) is not null) return null;
                toxics.Append(instance);
                return direction;
            });
            return added ? state : ImpairmentError.ToxicExists;
        }
    }

    public ImpairmentResult<ToxicState> UpdateToxic(string proxy, string toxic, ToxicPatch patch)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return ImpairmentError.ProxyNotFound;
            if (p.FindToxic(toxic) is not { } current) return ImpairmentError.ToxicNotFound;
            var attributes = Decode(current.Kind, patch.Attributes, WireAttributes.Create(current.Kind.Schema, ToMap(current.State.Attributes)));
            if (!attributes.IsSuccess) return attributes.Error;

            var state = current.State with { Toxicity = patch.Toxicity ?? current.State.Toxicity, Attributes = attributes.Value.Values };
            var updated = current with { Version = current.Version + 1, State = state, Toxic = current.Kind.Create(attributes.Value) };
            p.TryChange(toxics =>
            {
                toxics.Replace(current, updated);
                return state.Direction;
            });
            return state;
        }
    }

    public ImpairmentError? RemoveToxic(string proxy, string toxic)
    {
        lock (_gate) return _proxies.TryGetValue(proxy, out var p) ? RemoveToxic(p, toxic) : ImpairmentError.ProxyNotFound;
    }

    private static ImpairmentError? RemoveToxic(LiveProxy proxy, string toxic)
    {
        var removed = proxy.TryChange(toxics =>
        {
            if (toxics.Find(toxic) is not { } found) return null;
            toxics.Remove(found);
            return found.State.Direction;
        });
        return removed ? null : ImpairmentError.ToxicNotFound;
    }

    private static ImpairmentResult<WireAttributes> Decode(ToxicKind kind, ToxicAttributeInput? input, WireAttributes? current)
    {
        IReadOnlyDictionary<string, long>? given = null;
        if (input is not null && !input.TryDecode(kind.Schema, out given, out var error)) return ImpairmentError.BadBody(error);
        var wire = current?.Merge(given) ?? WireAttributes.Create(kind.Schema, given);
        return kind.Validate?.Invoke(wire) is { } invalid ? new ImpairmentError(ImpairmentErrorKind.BadRequest, invalid) : wire;
    }

    private static Dictionary<string, long> ToMap(IReadOnlyList<ToxicAttribute> attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}

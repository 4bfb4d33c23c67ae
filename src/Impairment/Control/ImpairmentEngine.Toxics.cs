using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Control;

public sealed partial class ImpairmentEngine
{
    public ImpairmentResult<IReadOnlyList<ToxicState>> ListToxics(string proxy)
    {
        if (TryUdpToxics(proxy, out var udp)) return udp;
        lock (_gate) return _proxies.TryGetValue(proxy, out var p) ? ImpairmentResult<IReadOnlyList<ToxicState>>.Success(p.Toxics()) : ImpairmentError.ProxyNotFound;
    }

    public ImpairmentResult<ToxicState> GetToxic(string proxy, string toxic)
    {
        if (TryUdpToxic(proxy, toxic, out var udp)) return udp;
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return ImpairmentError.ProxyNotFound;
            return p.FindToxic(toxic) is { } found ? found.State : ImpairmentError.ToxicNotFound;
        }
    }

    /// <summary>
    /// Checks in the real server's order: stream, default name, type, name conflict, then attributes. Returns once
    /// live connections run the new chain (bounded by <see cref="ImpairmentDefaults.AdoptionTimeout"/>), so the
    /// next byte after the call is affected.
    /// </summary>
    public async Task<ImpairmentResult<ToxicState>> AddToxicAsync(string proxy, ToxicSpec spec, CancellationToken cancellationToken = default)
    {
        if (TryAddUdpToxic(proxy, spec, out var udp)) return udp;
        var (result, adoption) = AddToxic(proxy, spec);
        await AwaitAdoptionAsync(adoption, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<ImpairmentResult<ToxicState>> UpdateToxicAsync(string proxy, string toxic, ToxicPatch patch, CancellationToken cancellationToken = default)
    {
        if (TryUpdateUdpToxic(proxy, toxic, patch, out var udp)) return udp;
        var (result, adoption) = UpdateToxic(proxy, toxic, patch);
        await AwaitAdoptionAsync(adoption, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<ImpairmentError?> RemoveToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        if (TryRemoveUdpToxic(proxy, toxic, out var udpError)) return udpError;
        Task? adoption;
        ImpairmentError? error;
        lock (_gate)
        {
            (error, adoption) = _proxies.TryGetValue(proxy, out var p) ? RemoveToxic(p, toxic) : (ImpairmentError.ProxyNotFound, null);
        }
        await AwaitAdoptionAsync(adoption, cancellationToken).ConfigureAwait(false);
        return error;
    }

    private (ImpairmentResult<ToxicState>, Task?) AddToxic(string proxy, ToxicSpec spec)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return (ImpairmentError.ProxyNotFound, null);
            var stream = spec.Stream ?? DirectionNames.Downstream;
            if (!DirectionNames.TryParse(stream, out var direction)) return (ImpairmentError.InvalidStream, null);
            var name = string.IsNullOrEmpty(spec.Name) ? $"{spec.Type}_{stream}" : spec.Name;
            if (!_registry.TryGet(spec.Type ?? "", out var kind)) return (ImpairmentError.InvalidToxicType, null);
            if (NameRules.Check(name, "toxic") is { } badName) return (badName, null);
            if (p.FindToxic(name) is not null) return (ImpairmentError.ToxicExists, null);
            var attributes = Decode(kind, spec.Attributes, null);
            if (!attributes.IsSuccess) return (attributes.Error, null);

            var state = new ToxicState(name, kind.Type, stream, direction, spec.Toxicity, attributes.Value.Values);
            var instance = new ToxicInstance(p.NextToxicId(), 0, state, kind, kind.Create(attributes.Value));
            var adoption = p.TryChange(toxics =>
            {
                if (toxics.Find(name) is not null) return null;
                toxics.Append(instance);
                return direction;
            });
            return adoption is null ? (ImpairmentError.ToxicExists, null) : (state, adoption);
        }
    }

    private (ImpairmentResult<ToxicState>, Task?) UpdateToxic(string proxy, string toxic, ToxicPatch patch)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p)) return (ImpairmentError.ProxyNotFound, null);
            if (p.FindToxic(toxic) is not { } current) return (ImpairmentError.ToxicNotFound, null);
            var attributes = Decode(current.Kind, patch.Attributes, WireAttributes.Create(current.Kind.Schema, ToMap(current.State.Attributes)));
            if (!attributes.IsSuccess) return (attributes.Error, null);

            var state = current.State with { Toxicity = patch.Toxicity ?? current.State.Toxicity, Attributes = attributes.Value.Values };
            var updated = current with { Version = current.Version + 1, State = state, Toxic = current.Kind.Create(attributes.Value) };
            var adoption = p.TryChange(toxics =>
            {
                toxics.Replace(current, updated);
                return state.Direction;
            });
            return (state, adoption);
        }
    }

    private static (ImpairmentError?, Task?) RemoveToxic(LiveProxy proxy, string toxic)
    {
        var adoption = proxy.TryChange(toxics =>
        {
            if (toxics.Find(toxic) is not { } found) return null;
            toxics.Remove(found);
            return found.State.Direction;
        });
        return adoption is null ? (ImpairmentError.ToxicNotFound, null) : (null, adoption);
    }

    private async Task AwaitAdoptionAsync(Task? adoption, CancellationToken cancellationToken)
    {
        if (adoption is null || adoption.IsCompleted) return;
        try
        {
            await adoption.WaitAsync(ImpairmentDefaults.AdoptionTimeout, _runtime.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A link whose client stopped reading adopts the chain later; the API answers now.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; the change is made all the same and links adopt it on their own.
        }
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

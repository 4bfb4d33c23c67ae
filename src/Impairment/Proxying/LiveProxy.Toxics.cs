using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A TCP proxy's toxic calls (<see cref="IProxy"/>): the checks in the real server's order, then one change under
/// the proxy's lock that publishes the new chain; the returned adoption completes once live links run it.
/// </summary>
internal sealed partial class LiveProxy
{
    public ProxyProtocol Protocol => ProxyProtocol.Tcp;

    public ToxicState? GetToxic(string name) => FindToxic(name)?.State;

    public ToxicChange<ImpairmentResult<ToxicState>> AddToxic(ToxicSpec spec)
    {
        var stream = spec.Stream ?? DirectionNames.Downstream;
        if (!DirectionNames.TryParse(stream, out var direction))
            return Refused(ImpairmentError.InvalidStream);
        var name = string.IsNullOrEmpty(spec.Name) ? $"{spec.Type}_{stream}" : spec.Name;
        if (!runtime.Registry.TryGet(spec.Type ?? "", out var kind))
            return Refused(ImpairmentError.InvalidToxicType);
        if (NameRules.Check(name, "toxic") is { } badName)
            return Refused(badName);
        if (FindToxic(name) is not null)
            return Refused(ImpairmentError.ToxicExists);
        var attributes = Decode(kind, spec.Attributes, null);
        if (!attributes.IsSuccess)
            return Refused(attributes.Error);

        var state = new ToxicState(name, kind.Type, stream, direction, spec.Toxicity, attributes.Value.Values);
        var instance = new ToxicInstance(NextToxicId(), 0, state, kind, kind.Create(attributes.Value));
        var adoption = TryChange(toxics =>
        {
            if (toxics.Find(name) is not null)
                return null;
            toxics.Append(instance);
            return direction;
        });
        return adoption is null ? Refused(ImpairmentError.ToxicExists) : new(state, adoption);
    }

    public ToxicChange<ImpairmentResult<ToxicState>> UpdateToxic(string name, ToxicPatch patch)
    {
        if (FindToxic(name) is not { } current)
            return Refused(ImpairmentError.ToxicNotFound);
        var stored = WireAttributes.Create(current.Kind.Schema, ToMap(current.State.Attributes));
        var attributes = Decode(current.Kind, patch.Attributes, stored);
        if (!attributes.IsSuccess)
            return Refused(attributes.Error);

        var state = current.State with { Toxicity = patch.Toxicity ?? current.State.Toxicity, Attributes = attributes.Value.Values };
        var updated = current with { Version = current.Version + 1, State = state, Toxic = current.Kind.Create(attributes.Value) };
        var adoption = TryChange(toxics =>
        {
            toxics.Replace(current, updated);
            return state.Direction;
        });
        return new(state, adoption);
    }

    public ToxicChange<ImpairmentError?> RemoveToxic(string name)
    {
        var adoption = TryChange(toxics =>
        {
            if (toxics.Find(name) is not { } found)
                return null;
            toxics.Remove(found);
            return found.State.Direction;
        });
        return adoption is null ? new(ImpairmentError.ToxicNotFound, null) : new(null, adoption);
    }

    public Task? ClearToxics()
    {
        var adoptions = ListToxics().Select(t => RemoveToxic(t.Name).Adoption).OfType<Task>().ToArray();
        return adoptions.Length == 0 ? null : Task.WhenAll(adoptions);
    }

    private static ToxicChange<ImpairmentResult<ToxicState>> Refused(ImpairmentError error) => new(error, null);

    private static ImpairmentResult<WireAttributes> Decode(ToxicKind kind, ToxicAttributeInput? input, WireAttributes? current)
    {
        IReadOnlyDictionary<string, long>? given = null;
        if (input is not null && !input.TryDecode(kind.Schema, out given, out var error))
            return ImpairmentError.BadBody(error);
        var wire = current?.Merge(given) ?? WireAttributes.Create(kind.Schema, given);
        return kind.Validate?.Invoke(wire) is { } invalid ? new ImpairmentError(ImpairmentErrorKind.BadRequest, invalid) : wire;
    }

    private static Dictionary<string, long> ToMap(IReadOnlyList<ToxicAttribute> attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}

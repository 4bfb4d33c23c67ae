using Harness.Impairment.Proxying;

namespace Harness.Impairment.Control;

public sealed partial class ImpairmentEngine
{
    /// <summary>
    /// Create-or-replace in input order. Every entry is validated first (nothing happens on a missing field or a name a URL cannot carry);
    /// an identical proxy is left untouched, a differing one is stopped and replaced without its toxics; the first
    /// failure stops processing and earlier entries stay applied.
    /// </summary>
    public PopulateResult Populate(IReadOnlyList<ProxySpec> proxies)
    {
        for (var i = 0; i < proxies.Count; i++)
        {
            if (string.IsNullOrEmpty(proxies[i].Name))
                return Failed(ImpairmentError.MissingField($"name at proxy {i + 1}"));
            if (string.IsNullOrEmpty(proxies[i].Upstream))
                return Failed(ImpairmentError.MissingField($"upstream at proxy {i + 1}"));
            if (NameRules.Check(proxies[i].Name, "proxy") is { } badName)
            {
                return Failed(badName with { Message = $"{badName.Message} (at proxy {i + 1})" });
            }
        }

        var applied = new List<ProxyState>();
        lock (_gate)
        {
            foreach (var spec in proxies)
            {
                var (state, error) = PopulateOne(spec);
                if (error is not null)
                    return new PopulateResult(applied, error);
                applied.Add(state!);
            }
        }
        return new PopulateResult(applied, null);
    }

    /// <summary>
    /// An identical proxy (same protocol and upstream, same listen once resolved) is kept as it is; any other one of
    /// that name is stopped and replaced by a new proxy without toxics. Should the new one fail to start, the old
    /// one stays, stopped, and the error is returned.
    /// </summary>
    private (ProxyState? State, ImpairmentError? Error) PopulateOne(ProxySpec spec)
    {
        var existing = _proxies.GetValueOrDefault(spec.Name);
        if (existing is not null && IsSame(existing, spec))
            return (existing.Snapshot(), null);
        existing?.Stop();
        var proxy = NewProxy(spec);
        if (spec.Enabled && proxy.Start() is { } error)
            return (null, error);
        _proxies[spec.Name] = proxy;
        return (proxy.Snapshot(), null);
    }

    private static bool IsSame(IProxy existing, ProxySpec spec) =>
        existing.Protocol == spec.Protocol
        && existing.Upstream == spec.Upstream
        && ListenAddress.TryResolve(spec.Listen, out var wanted, out _)
        && ListenAddress.TryResolve(existing.Listen, out var current, out _)
        && wanted.Equals(current);

    private static PopulateResult Failed(ImpairmentError error) => new([], error);
}

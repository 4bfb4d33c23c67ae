using Harness.Impairment.Proxying;

namespace Harness.Impairment.Control;

/// <summary>
/// The async forms of the calls that take a listen address: a host name in it is resolved first, asynchronously and
/// outside the engine's lock; the synchronous forms then find the answer and never block on DNS. Called with a name
/// nobody resolved yet, a synchronous form answers "no such host".
/// </summary>
public sealed partial class ImpairmentEngine
{
    public async Task<ImpairmentResult<ProxyState>> CreateProxyAsync(ProxySpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await ListenAddress.PrepareAsync([spec.Listen], cancellationToken).ConfigureAwait(false);
        return CreateProxy(spec);
    }

    public async Task<ImpairmentResult<ProxyState>> UpdateProxyAsync(
        string name,
        ProxyPatch patch,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(patch);
        await ListenAddress.PrepareAsync([patch.Listen], cancellationToken).ConfigureAwait(false);
        return UpdateProxy(name, patch);
    }

    public async Task<PopulateResult> PopulateAsync(IReadOnlyList<ProxySpec> proxies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        await ListenAddress.PrepareAsync(proxies.Select(p => p.Listen), cancellationToken).ConfigureAwait(false);
        return Populate(proxies);
    }
}

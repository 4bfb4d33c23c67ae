namespace Harness.Impairment.Control;

/// <summary>
/// Toxic calls, the same for every proxy: the engine finds the proxy under its lock and the proxy applies the change
/// (<see cref="IProxy"/>); the engine then waits, outside the lock, for live links to adopt it.
/// </summary>
public sealed partial class ImpairmentEngine
{
    public ImpairmentResult<IReadOnlyList<ToxicState>> ListToxics(string proxy)
    {
        lock (_gate)
        {
            return _proxies.TryGetValue(proxy, out var p)
                ? ImpairmentResult<IReadOnlyList<ToxicState>>.Success(p.ListToxics())
                : ImpairmentError.ProxyNotFound;
        }
    }

    public ImpairmentResult<ToxicState> GetToxic(string proxy, string toxic)
    {
        lock (_gate)
        {
            if (!_proxies.TryGetValue(proxy, out var p))
                return ImpairmentError.ProxyNotFound;
            return p.GetToxic(toxic) is { } found ? found : ImpairmentError.ToxicNotFound;
        }
    }

    /// <summary>
    /// Checks in the real server's order: stream, default name, type, name conflict, then attributes. Returns once
    /// live connections run the new chain (bounded by <see cref="ImpairmentDefaults.AdoptionTimeout"/>), so the
    /// next byte after the call is affected.
    /// </summary>
    public async Task<ImpairmentResult<ToxicState>> AddToxicAsync(
        string proxy,
        ToxicSpec spec,
        CancellationToken cancellationToken = default
    )
    {
        var change = Change(proxy, p => p.AddToxic(spec));
        await AwaitAdoptionAsync(change.Adoption, cancellationToken).ConfigureAwait(false);
        return change.Result;
    }

    public async Task<ImpairmentResult<ToxicState>> UpdateToxicAsync(
        string proxy,
        string toxic,
        ToxicPatch patch,
        CancellationToken cancellationToken = default
    )
    {
        var change = Change(proxy, p => p.UpdateToxic(toxic, patch));
        await AwaitAdoptionAsync(change.Adoption, cancellationToken).ConfigureAwait(false);
        return change.Result;
    }

    public async Task<ImpairmentError?> RemoveToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        ToxicChange<ImpairmentError?> change;
        lock (_gate)
        {
            change = _proxies.TryGetValue(proxy, out var p) ? p.RemoveToxic(toxic) : new(ImpairmentError.ProxyNotFound, null);
        }
        await AwaitAdoptionAsync(change.Adoption, cancellationToken).ConfigureAwait(false);
        return change.Result;
    }

    private ToxicChange<ImpairmentResult<ToxicState>> Change(string proxy, Func<IProxy, ToxicChange<ImpairmentResult<ToxicState>>> change)
    {
        lock (_gate)
        {
            return _proxies.TryGetValue(proxy, out var p) ? change(p) : new(ImpairmentError.ProxyNotFound, null);
        }
    }

    private async Task AwaitAdoptionAsync(Task? adoption, CancellationToken cancellationToken)
    {
        if (adoption is null || adoption.IsCompleted)
            return;
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
}

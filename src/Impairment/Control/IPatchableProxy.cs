using Harness.Impairment.Proxying;

namespace Harness.Impairment.Control;

/// <summary>What updating a proxy needs, whatever its protocol: TCP and UDP proxies follow the same rules (spec 4.6).</summary>
internal interface IPatchableProxy
{
    string Listen { get; }

    string Upstream { get; }

    bool Enabled { get; }

    ImpairmentError? Start();

    void Stop();

    void Reconfigure(string newListen, string newUpstream);

    ProxyState Snapshot();
}

internal static class ProxyPatching
{
    /// <summary>
    /// A changed listen (compared after resolving) or upstream restarts the proxy with the new values stored;
    /// then the requested enabled state is applied. A failed start leaves the proxy disabled with the new values.
    /// </summary>
    public static ImpairmentResult<ProxyState> Apply(IPatchableProxy proxy, ProxyPatch patch)
    {
        var wasEnabled = proxy.Enabled;
        var listen = patch.Listen ?? proxy.Listen;
        var upstream = patch.Upstream ?? proxy.Upstream;
        if (!ListenAddress.TryResolve(listen, out var wanted, out var error)) return ImpairmentError.Os(error);
        var sameListen = ListenAddress.TryResolve(proxy.Listen, out var current, out _) && current.Equals(wanted);
        if (!sameListen || upstream != proxy.Upstream)
        {
            proxy.Stop();
            proxy.Reconfigure(sameListen ? proxy.Listen : listen, upstream);
        }
        var enable = patch.Enabled ?? wasEnabled;
        if (enable && !proxy.Enabled && proxy.Start() is { } startError) return startError;
        if (!enable) proxy.Stop();
        return proxy.Snapshot();
    }
}

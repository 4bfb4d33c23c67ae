using Harness.Impairment.Proxying;

namespace Harness.Impairment.Control;

/// <summary>A proxy update by merge, the same for TCP and UDP proxies (spec 4.6).</summary>
internal static class ProxyPatching
{
    /// <summary>
    /// A changed listen (compared after resolving) or upstream restarts the proxy with the new values stored;
    /// then the requested enabled state is applied. The update is all or nothing: a new address that cannot be
    /// bound is refused before anything stops (Toxiproxy's 500 and OS text), and should the restart still fail
    /// (the address taken in between) the old addresses are restored and the proxy restarted as it was.
    /// </summary>
    public static ImpairmentResult<ProxyState> Apply(IProxy proxy, ProxyPatch patch)
    {
        var before = (Listen: proxy.Listen, Upstream: proxy.Upstream, Enabled: proxy.Enabled);
        var listen = patch.Listen ?? proxy.Listen;
        var upstream = patch.Upstream ?? proxy.Upstream;
        if (!ListenAddress.TryResolve(listen, out var wanted, out var error))
            return ImpairmentError.Os(error);
        var resolved = ListenAddress.TryResolve(proxy.Listen, out var current, out _);
        var sameListen = resolved && current.Equals(wanted);
        var restart = !sameListen || upstream != proxy.Upstream;
        var enable = patch.Enabled ?? before.Enabled;
        // Our own listener on the same port would make the probe fail; that case is left to restart-and-restore.
        var ownPort = before.Enabled && resolved && current.Port == wanted.Port && wanted.Port != 0;
        if (restart && enable && !sameListen && !ownPort && proxy.ProbeBind(wanted) is { } busy)
            return busy;
        if (restart)
        {
            proxy.Stop();
            proxy.Reconfigure(sameListen ? proxy.Listen : listen, upstream);
        }
        if (enable && !proxy.Enabled && proxy.Start() is { } startError)
        {
            if (restart)
                Restore(proxy, before.Listen, before.Upstream, before.Enabled);
            return startError;
        }
        if (!enable)
            proxy.Stop();
        return proxy.Snapshot();
    }

    private static void Restore(IProxy proxy, string listen, string upstream, bool enabled)
    {
        proxy.Reconfigure(listen, upstream);
        if (enabled)
            proxy.Start();
    }
}

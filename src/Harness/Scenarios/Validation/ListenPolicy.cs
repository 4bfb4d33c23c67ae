using System.Net;
using Harness.Scenarios.Loading;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Proxies listen on loopback unless the scenario says otherwise: <c>network.bind_all: true</c> allows every interface
/// (<c>0.0.0.0</c>, <c>[::]</c>, an empty host) or another address, and the loader warns that it does.
/// </summary>
internal static class ListenPolicy
{
    public static bool IsLoopbackHost(string host)
    {
        var bare = host.Trim('[', ']');
        if (string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Reads <c>network.bind_all</c> (true or false, default false); warns when it is true.</summary>
    public static bool ReadBindAll(Located<string>? raw, DiagnosticBag diagnostics)
    {
        if (raw is null)
            return false;
        if (raw.Value is not ("true" or "false"))
        {
            diagnostics.Add(raw.Location, "network.bind_all must be true or false");
            return false;
        }
        if (raw.Value == "false")
            return false;
        diagnostics.Warn(
            raw.Location,
            "network.bind_all: true lets proxies listen on every interface or a non-loopback address; "
                + "other machines can reach them and whatever they forward to"
        );
        return true;
    }

    /// <summary>An error at <paramref name="listen"/> when it leaves loopback and the scenario has not opted in.</summary>
    public static void Check(Located<string> listen, bool bindAll, DiagnosticBag diagnostics)
    {
        if (bindAll || !NetworkValidator.IsHostPort(listen.Value))
            return;
        var host = NetworkValidator.HostOf(listen.Value);
        if (IsLoopbackHost(host))
            return;
        var what = host is "" or "0.0.0.0" or "::" ? "binds every interface" : "is not a loopback address";
        diagnostics.Add(
            listen.Location,
            $"proxy listen '{listen.Value}' {what}, so other machines could use the proxy; "
                + "use 127.0.0.1:<port>, or set network.bind_all: true to allow it"
        );
    }
}

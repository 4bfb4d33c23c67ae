using System.Globalization;

namespace Harness.Impairment.Proxying;

/// <summary>Go's <c>net.SplitHostPort</c> rules and messages, so address errors read like the real server's.</summary>
internal static class HostPort
{
    public static bool TrySplit(string address, out string host, out int port, out string error)
    {
        host = "";
        port = 0;
        error = "";
        var colon = address.LastIndexOf(':');
        if (colon < 0)
            return Fail(address, "missing port in address", out error);
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                return Fail(address, "missing ']' in address", out error);
            if (close + 1 != colon)
                return Fail(address, "missing port in address", out error);
            host = address[1..close];
        }
        else
        {
            host = address[..colon];
            if (host.Contains(':', StringComparison.Ordinal))
                return Fail(address, "too many colons in address", out error);
        }
        var portText = address[(colon + 1)..];
        if (portText.Length == 0)
            return true;
        if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535)
            return true;
        error = $"lookup tcp/{portText}: unknown port";
        return false;
    }

    public static string Join(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    private static bool Fail(string address, string reason, out string error)
    {
        error = $"address {address}: {reason}";
        return false;
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Proxy and toxic names from the request target, percent-decoded the same way on every route. Kestrel's decoded
/// path keeps <c>%2F</c> encoded but decodes <c>%25</c>, so <c>a%2Fb</c> and <c>a%252Fb</c> would both reach a route as
/// "a%2Fb"; decoding the raw target once gives "a/b" (no such proxy: names cannot hold '/') and "a%2Fb".
/// </summary>
internal static class PathNames
{
    /// <summary>Segment <paramref name="index"/> of the path (/proxies/{1}/toxics/{3}), or the routed value as a fallback.</summary>
    public static string Segment(HttpContext context, int index, string routed)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/'))
            return routed;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? raw : raw[..query]).Split('/');
        // Dot segments were resolved by Kestrel before routing; only then do raw and routed segments differ in place.
        if (index + 1 >= segments.Length || segments.Any(IsDotSegment))
            return routed;
        return Uri.UnescapeDataString(segments[index + 1]);
    }

    public static string Proxy(HttpContext context, string routed) => Segment(context, 1, routed);

    public static string Toxic(HttpContext context, string routed) => Segment(context, 3, routed);

    private static bool IsDotSegment(string segment) => Uri.UnescapeDataString(segment) is "." or "..";
}

using Microsoft.AspNetCore.Routing.Patterns;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Router-level behaviour of the real server (gorilla/mux): routed requests get a request id and the browser
/// block; unrouted ones get Go's plain 404 text, and 405 stays bodiless with no request id.
/// </summary>
internal static class ApiMiddleware
{
    public const string RequestIdHeader = "X-Toxiproxy-Request-Id";

    public static void Use(WebApplication app, RequestId ids)
    {
        app.Use(
            async (context, next) =>
            {
                // ASP.NET routing forgives a trailing slash; mux does not (/proxies/ is 404).
                if (context.Request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
                {
                    await NotFound().ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
                await next(context).ConfigureAwait(false);
                if (
                    context.GetEndpoint() is null
                    && !context.Response.HasStarted
                    && context.Response.StatusCode == StatusCodes.Status404NotFound
                )
                {
                    await NotFound().ExecuteAsync(context).ConfigureAwait(false);
                }
            }
        );
        app.UseRouting();
        app.Use(
            async (context, next) =>
            {
                // ASP.NET matches literals case-insensitively; mux does not (/Proxies is 404, before any 405).
                var endpoint = context.GetEndpoint();
                var exact = endpoint is RouteEndpoint route
                    ? LiteralsMatchExactly(route.RoutePattern, context.Request.Path)
                    : endpoint is null || MatchesAnyRouteExactly(context.Request.Path);
                if (!exact)
                {
                    context.SetEndpoint(null);
                    await NotFound().ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
                if (context.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>() is null)
                {
                    await next(context).ConfigureAwait(false);
                    return;
                }
                context.Response.Headers[RequestIdHeader] = ids.Next();
                if (context.Request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal))
                {
                    await WireResult
                        .Text(StatusCodes.Status403Forbidden, "User agent not allowed\n", "text/plain; charset=utf-8")
                        .ExecuteAsync(context)
                        .ConfigureAwait(false);
                    return;
                }
                await next(context).ConfigureAwait(false);
            }
        );
    }

    // The router's 405 endpoint carries no pattern, so its path is checked against every route of the API.
    private static readonly RoutePattern[] Routes =
    [
        .. new[]
        {
            "/version",
            "/metrics",
            "/reset",
            "/populate",
            "/proxies",
            "/proxies/{p}",
            "/proxies/{p}/toxics",
            "/proxies/{p}/toxics/{t}",
        }.Select(t => RoutePatternFactory.Parse(t)),
    ];

    private static bool MatchesAnyRouteExactly(PathString path)
    {
        var count = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        return Routes.Any(r => r.PathSegments.Count == count && LiteralsMatchExactly(r, path));
    }

    private static bool LiteralsMatchExactly(RoutePattern route, PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pattern = route.PathSegments;
        for (var i = 0; i < pattern.Count && i < segments.Length; i++)
        {
            if (
                pattern[i].IsSimple
                && pattern[i].Parts[0] is RoutePatternLiteralPart literal
                && !string.Equals(literal.Content, segments[i], StringComparison.Ordinal)
            )
            {
                return false;
            }
        }
        return true;
    }

    private static WireResult NotFound() =>
        WireResult.Text(StatusCodes.Status404NotFound, "404 page not found\n", "text/plain; charset=utf-8");
}

/// <summary>Marks the API's own routes, as opposed to the router's 405 endpoint.</summary>
internal sealed class ApiRoute
{
    public static readonly ApiRoute Instance = new();
}

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
        app.Use(async (context, next) =>
        {
            // ASP.NET routing forgives a trailing slash; mux does not (/proxies/ is 404).
            if (context.Request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
            {
                await NotFound().ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
            if (context.GetEndpoint() is null && !context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                await NotFound().ExecuteAsync(context).ConfigureAwait(false);
            }
        });
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>() is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            context.Response.Headers[RequestIdHeader] = ids.Next();
            if (context.Request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal))
            {
                await WireResult.Text(StatusCodes.Status403Forbidden, "User agent not allowed\n", "text/plain; charset=utf-8")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
    }

    private static WireResult NotFound() =>
        WireResult.Text(StatusCodes.Status404NotFound, "404 page not found\n", "text/plain; charset=utf-8");
}

/// <summary>Marks the API's own routes, as opposed to the router's 405 endpoint.</summary>
internal sealed class ApiRoute
{
    public static readonly ApiRoute Instance = new();
}

using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>
/// /proxies and /proxies/{proxy}: list, create (201), get, update (POST or PATCH), delete (204). Names come from
/// <see cref="PathNames"/>, decoded once from the request target.
/// </summary>
internal static class ProxyEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine)
    {
        api.MapGet("/proxies", () => WireResult.Ok(WireJson.ProxyMap(engine.ListProxies())));

        api.MapPost("/proxies", async (HttpRequest request) =>
        {
            var read = await RequestBody.ReadAsync(request, RequestBody.DefinitionLimit).ConfigureAwait(false);
            if (read.Body is not { } body)
                return read.ErrorResult();
            var spec = RequestBodies.ProxyCreate(body);
            if (!spec.IsSuccess)
                return WireResult.Error(spec.Error);
            var created = await engine.CreateProxyAsync(spec.Value, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return created.IsSuccess
                ? WireResult.Ok(WireJson.Proxy(created.Value), StatusCodes.Status201Created)
                : WireResult.Error(created.Error);
        });

        api.MapGet("/proxies/{proxy}", (HttpContext context, string proxy) => Respond(engine.GetProxy(PathNames.Proxy(context, proxy))));

        api.MapMethods("/proxies/{proxy}", ["POST", "PATCH"], async (HttpRequest request, string proxy) =>
        {
            proxy = PathNames.Proxy(request.HttpContext, proxy);
            if (!engine.GetProxy(proxy).IsSuccess)
                return WireResult.Error(ImpairmentError.ProxyNotFound);
            var read = await RequestBody.ReadAsync(request, RequestBody.DefinitionLimit).ConfigureAwait(false);
            if (read.Body is not { } body)
                return read.ErrorResult();
            var patch = RequestBodies.ProxyUpdate(body);
            return patch.IsSuccess
                ? Respond(await engine.UpdateProxyAsync(proxy, patch.Value, request.HttpContext.RequestAborted).ConfigureAwait(false))
                : WireResult.Error(patch.Error);
        });

        api.MapDelete("/proxies/{proxy}", (HttpContext context, string proxy) =>
            engine.DeleteProxy(PathNames.Proxy(context, proxy)) is { } error ? WireResult.Error(error) : WireResult.NoContent()
        );
    }

    private static WireResult Respond(ImpairmentResult<ProxyState> result) =>
        result.IsSuccess ? WireResult.Ok(WireJson.Proxy(result.Value)) : WireResult.Error(result.Error);
}

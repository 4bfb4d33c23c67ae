using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>/proxies/{proxy}/toxics[/{toxic}]: list, add (200, not 201), get, update (POST or PATCH), remove (204).</summary>
internal static class ToxicEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine)
    {
        api.MapGet("/proxies/{proxy}/toxics", (HttpContext context, string proxy) =>
        {
            var toxics = engine.ListToxics(PathNames.Proxy(context, proxy));
            return toxics.IsSuccess ? WireResult.Ok(WireJson.Toxics(toxics.Value)) : WireResult.Error(toxics.Error);
        });

        api.MapPost("/proxies/{proxy}/toxics", async (HttpRequest request, string proxy) =>
        {
            proxy = PathNames.Proxy(request.HttpContext, proxy);
            if (!engine.GetProxy(proxy).IsSuccess)
                return WireResult.Error(ImpairmentError.ProxyNotFound);
            var read = await RequestBody.ReadAsync(request, RequestBody.DefinitionLimit).ConfigureAwait(false);
            if (read.Body is not { } body)
                return read.ErrorResult();
            var spec = RequestBodies.ToxicCreate(body);
            return spec.IsSuccess
                ? Respond(await engine.AddToxicAsync(proxy, spec.Value, request.HttpContext.RequestAborted).ConfigureAwait(false))
                : WireResult.Error(spec.Error);
        });

        api.MapGet("/proxies/{proxy}/toxics/{toxic}", (HttpContext context, string proxy, string toxic) =>
            Respond(engine.GetToxic(PathNames.Proxy(context, proxy), PathNames.Toxic(context, toxic)))
        );

        api.MapMethods("/proxies/{proxy}/toxics/{toxic}", ["POST", "PATCH"], async (HttpRequest request, string proxy, string toxic) =>
        {
            (proxy, toxic) = (PathNames.Proxy(request.HttpContext, proxy), PathNames.Toxic(request.HttpContext, toxic));
            var current = engine.GetToxic(proxy, toxic);
            if (!current.IsSuccess)
                return WireResult.Error(current.Error);
            engine.TryGetSchema(current.Value.Type, out var schema);
            var read = await RequestBody.ReadAsync(request, RequestBody.DefinitionLimit).ConfigureAwait(false);
            if (read.Body is not { } body)
                return read.ErrorResult();
            var patch = RequestBodies.ToxicUpdate(body, schema.GoStructName);
            return patch.IsSuccess
                ? Respond(
                    await engine.UpdateToxicAsync(proxy, toxic, patch.Value, request.HttpContext.RequestAborted).ConfigureAwait(false)
                )
                : WireResult.Error(patch.Error);
        });

        api.MapDelete("/proxies/{proxy}/toxics/{toxic}", async (HttpContext context, string proxy, string toxic) =>
            await engine
                .RemoveToxicAsync(PathNames.Proxy(context, proxy), PathNames.Toxic(context, toxic), context.RequestAborted)
                .ConfigureAwait(false)
                is { } error
                ? WireResult.Error(error)
                : WireResult.NoContent()
        );
    }

    private static WireResult Respond(ImpairmentResult<ToxicState> result) =>
        result.IsSuccess ? WireResult.Ok(WireJson.Toxic(result.Value)) : WireResult.Error(result.Error);
}

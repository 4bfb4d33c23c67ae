using Harness.Impairment.Control;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>/proxies/{proxy}/toxics[/{toxic}]: list, add (200, not 201), get, update (POST or PATCH), remove (204).</summary>
internal static class ToxicEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine)
    {
        api.MapGet("/proxies/{proxy}/toxics", (string proxy) =>
        {
            var toxics = engine.ListToxics(proxy);
            return toxics.IsSuccess ? WireResult.Ok(WireJson.Toxics(toxics.Value)) : WireResult.Error(toxics.Error);
        });

        api.MapPost("/proxies/{proxy}/toxics", async (HttpRequest request, string proxy) =>
        {
            if (!engine.GetProxy(proxy).IsSuccess) return WireResult.Error(ImpairmentError.ProxyNotFound);
            var spec = RequestBodies.ToxicCreate(await GoJson.ReadBodyAsync(request).ConfigureAwait(false));
            return spec.IsSuccess ? Respond(engine.AddToxic(proxy, spec.Value)) : WireResult.Error(spec.Error);
        });

        api.MapGet("/proxies/{proxy}/toxics/{toxic}", (string proxy, string toxic) => Respond(engine.GetToxic(proxy, toxic)));

        api.MapMethods("/proxies/{proxy}/toxics/{toxic}", ["POST", "PATCH"], async (HttpRequest request, string proxy, string toxic) =>
        {
            var current = engine.GetToxic(proxy, toxic);
            if (!current.IsSuccess) return WireResult.Error(current.Error);
            var patch = RequestBodies.ToxicUpdate(await GoJson.ReadBodyAsync(request).ConfigureAwait(false));
            return patch.IsSuccess ? Respond(engine.UpdateToxic(proxy, toxic, patch.Value)) : WireResult.Error(patch.Error);
        });

        api.MapDelete("/proxies/{proxy}/toxics/{toxic}", (string proxy, string toxic) =>
            engine.RemoveToxic(proxy, toxic) is { } error ? WireResult.Error(error) : WireResult.NoContent());
    }

    private static WireResult Respond(ImpairmentResult<ToxicState> result) =>
        result.IsSuccess ? WireResult.Ok(WireJson.Toxic(result.Value)) : WireResult.Error(result.Error);
}

using Harness.Impairment.Control;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>POST /reset: re-enable every proxy and drop all toxics; the body is ignored.</summary>
internal static class ResetEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine) =>
        api.MapPost("/reset", async (HttpContext context) =>
            await engine.ResetAsync(context.RequestAborted).ConfigureAwait(false) is { } error
                ? WireResult.Error(error)
                : WireResult.NoContent()
        );
}

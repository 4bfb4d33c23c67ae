using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>
/// POST /populate: bulk create-or-replace. Unlike every other route its errors are application/json without a
/// trailing newline and carry the proxies applied before the failure.
/// </summary>
internal static class PopulateEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine) => api.MapPost("/populate", async (HttpRequest request) =>
        {
            var read = await RequestBody.ReadAsync(request, RequestBody.PopulateLimit).ConfigureAwait(false);
            if (read.Body is not { } body)
            {
                var refused = new PopulateResult([], new ImpairmentError(ImpairmentErrorKind.BadRequest, read.Error));
                return WireResult.Ok(Body(refused, read.Status), read.Status);
            }
            var specs = RequestBodies.ProxyList(body);
            var result = specs.IsSuccess
                ? await engine.PopulateAsync(specs.Value, request.HttpContext.RequestAborted).ConfigureAwait(false)
                : new PopulateResult([], specs.Error);
            var status = result.Error is null ? StatusCodes.Status201Created : ApiStatus.Of(result.Error);
            return WireResult.Ok(Body(result, status), status);
        });

    private static byte[] Body(PopulateResult result, int status) =>
        WireJson.Write(w =>
        {
            w.WriteStartObject();
            if (result.Error is not null)
            {
                w.WriteString("error", result.Error.Message);
                w.WriteNumber("status", status);
            }
            w.WritePropertyName("proxies");
            if (result.Proxies.Count == 0)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartArray();
                foreach (var proxy in result.Proxies)
                    WireJson.WriteProxy(w, proxy);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });
}

using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>GET /version: JSON since Toxiproxy 2.7 (clients switch to PATCH at >= 2.6), with Go's spacing.</summary>
internal static class VersionEndpoints
{
    public const string Version = "2.12.0";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/version", () =>
            WireResult.Text(StatusCodes.Status200OK, $"{{\"version\": \"{Version}\"}}\n", "application/json;charset=utf-8")
        );
}

using Harness.Impairment.Control;
using Harness.Impairment.Server.Endpoints;
using Harness.Impairment.Server.Http;

namespace Harness.Impairment.Server;

/// <summary>Wires middleware and every endpoint group onto an application; one group per file under Endpoints/.</summary>
internal static class ToxiproxyApi
{
    public static void Configure(WebApplication app, ImpairmentEngine engine, ToxiproxyServerOptions options)
    {
        ApiMiddleware.Use(app, new RequestId(options.TimeProvider));
        var api = app.MapGroup(string.Empty).WithMetadata(ApiRoute.Instance);
        VersionEndpoints.Map(api);
        ProxyEndpoints.Map(api, engine);
        ToxicEndpoints.Map(api, engine);
        ResetEndpoints.Map(api, engine);
        PopulateEndpoints.Map(api, engine);
        MetricsEndpoints.Map(api, engine, options.ProxyMetrics, options.RuntimeMetrics);
    }
}

using Harness.Impairment.Control;
using Harness.Impairment.Server.Http;
using Harness.Impairment.Server.Metrics;

namespace Harness.Impairment.Server.Endpoints;

/// <summary>
/// /metrics, any method, mapped only when proxy or runtime metrics are on (otherwise the router's plain 404, as in
/// Toxiproxy). Prometheus text.
/// </summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ImpairmentEngine engine, bool proxyMetrics, bool runtimeMetrics)
    {
        if (!proxyMetrics && !runtimeMetrics)
            return;
        api.Map("/metrics", () =>
        {
            var text = new PrometheusText();
            if (proxyMetrics)
                ProxyMetricsWriter.Write(text, engine.GetTraffic());
            if (runtimeMetrics)
                RuntimeMetricsWriter.Write(text);
            return WireResult.Text(StatusCodes.Status200OK, text.ToString(), PrometheusText.ContentType);
        });
    }
}

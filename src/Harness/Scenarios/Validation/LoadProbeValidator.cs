using Harness.Probes.Load;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Reads a load probe: the executor is read first (k6's names), then only that executor's settings are used.</summary>
internal static class LoadProbeValidator
{
    private static readonly string[] Executors = ["constant-vus", "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate"];

    public static LoadProbeSpec? Validate(ProbeDocument probe, string? name, Uri? baseUrl, ValueReader values)
    {
        Located<string>? Get(string key) => probe.Settings.GetValueOrDefault(key);
        var executorName = Get("executor");
        if (executorName is null)
        {
            values.Diagnostics.Add(probe.Location, $"load probe: missing required key 'executor' ({string.Join(", ", Executors)})");
            return null;
        }
        int Int(string key, int fallback, int min = 1) => values.Integer(Get(key), $"load {key}", fallback, min, 1_000_000);
        var duration = values.Duration(Get("duration"), "load duration", TimeSpan.FromSeconds(30));
        var timeUnit = values.Duration(Get("time_unit"), "load time_unit", TimeSpan.FromSeconds(1));
        var stages = probe
            .Body!.Sequence("stages")
            .Select(n => MappingReader.Open(n, "stage", probe.Body.Context, ScenarioKeys.LoadStage))
            .OfType<MappingReader>()
            .Select(s => new LoadStage(
                values.Duration(s.Scalar("duration", required: true), "stage duration", TimeSpan.FromSeconds(1)),
                values.Integer(s.Scalar("target", required: true), "stage target", 0, 0, 1_000_000)
            ))
            .ToList();
        LoadExecutor? executor = executorName.Value switch
        {
            "constant-vus" => new ConstantVus(Int("vus", 1), duration),
            "ramping-vus" => new RampingVus(Int("start_vus", 0, 0), stages),
            "constant-arrival-rate" => new ConstantArrivalRate(
                Int("rate", 1),
                timeUnit,
                duration,
                Int("pre_allocated_vus", 10),
                Int("max_vus", 100)
            ),
            "ramping-arrival-rate" => new RampingArrivalRate(
                Int("start_rate", 0, 0),
                timeUnit,
                Int("pre_allocated_vus", 10),
                Int("max_vus", 100),
                stages
            ),
            _ => null,
        };
        if (executor is null)
        {
            values.Diagnostics.Add(
                executorName.Location,
                $"unknown executor '{executorName.Value}'{DidYouMean.Suffix(executorName.Value, Executors)}; use one of {string.Join(", ", Executors)}"
            );
            return null;
        }
        if (executorName.Value.StartsWith("ramping", StringComparison.Ordinal) && stages.Count == 0)
            values.Diagnostics.Add(probe.Location, $"{executorName.Value}: 'stages' must list at least one {{ duration, target }}");
        var http = probe.Sections.GetValueOrDefault("http");
        var ws = probe.Sections.GetValueOrDefault("websocket");
        if ((http is null) == (ws is null))
        {
            values.Diagnostics.Add(probe.Location, "load probe: give exactly one iteration kind, 'http' or 'websocket'");
            return null;
        }
        HttpProbeSpec? httpSpec = null;
        Uri? url;
        if (http is not null)
        {
            url = values.AbsoluteUrl(http.GetValueOrDefault("url"), "load http url", baseUrl, "http", "https");
            if (http.GetValueOrDefault("url") is null)
                values.Diagnostics.Add(probe.Location, "load http: missing required key 'url'");
            httpSpec = url is null
                ? null
                : new HttpProbeSpec(
                    name ?? "load",
                    url,
                    http.GetValueOrDefault("method")?.Value.ToUpperInvariant() ?? "GET",
                    TimeSpan.FromSeconds(1),
                    values.Integer(http.GetValueOrDefault("expect_status"), "load http expect_status", 200, 100, 599),
                    values.Duration(http.GetValueOrDefault("timeout"), "load http timeout", TimeSpan.FromSeconds(10))
                );
        }
        else
        {
            url = values.AbsoluteUrl(ws!.GetValueOrDefault("url"), "load websocket url", baseUrl, "ws", "wss");
        }
        var session = values.Duration(Get("session"), "load session", TimeSpan.FromSeconds(5));
        long? iterations = Get("iterations") is { } it ? values.Integer(it, "load iterations", 1, 1, int.MaxValue) : null;
        var graceful = values.Duration(Get("graceful_stop"), "load graceful_stop", TimeSpan.FromSeconds(30), allowZero: true);
        return name is null || url is null ? null : new LoadProbeSpec(name, url, executor, httpSpec, session, iterations, graceful);
    }
}

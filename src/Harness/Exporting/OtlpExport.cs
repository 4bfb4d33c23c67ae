using System.Diagnostics.Metrics;
using Harness.Reports.Model;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Harness.Exporting;

/// <summary>
/// Sends a run's families as OpenTelemetry gauges over OTLP/HTTP (protobuf), through the OpenTelemetry .NET SDK: one
/// observable gauge per family (same names and units as the Pushgateway push), each sample a data point with its
/// labels plus <c>scenario</c> (and <c>cell</c> in a matrix) as attributes, resource <c>service.name=harness</c>.
/// The provider is built for one run's end and shut down at once: one export, nothing sent while the run goes on.
/// </summary>
public static class OtlpExport
{
    public const string ServiceName = "harness";
    public const string MeterName = "Harness.Results";

    /// <summary>
    /// The endpoint the exporter posts to: <paramref name="url"/> as given when it has a path, else its
    /// <c>/v1/metrics</c> (as OTEL_EXPORTER_OTLP_ENDPOINT is read).
    /// </summary>
    public static Uri MetricsEndpoint(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.AbsolutePath is "" or "/" ? new Uri(url, "/v1/metrics") : url;
    }

    /// <returns>True when the collector accepted the export within <paramref name="timeout"/>.</returns>
    public static bool Export(Uri url, RunResults results, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(results);
        var families = ResultSeries.From(results);
        var scope = new List<KeyValuePair<string, object?>> { new("scenario", results.Scenario.Name) };
        if (results.Scenario.Cell is { } cell)
            scope.Add(new("cell", cell));
        using var meter = new Meter(MeterName, results.Environment.HarnessVersion);
        foreach (var family in families)
        {
            meter.CreateObservableGauge(family.Name, () => Observe(family, scope), UnitOf(family.Unit), family.Help);
        }
        var milliseconds = (int)Math.Max(1, timeout.TotalMilliseconds);
        var exporter = new OtlpMetricExporter(
            new OtlpExporterOptions
            {
                Endpoint = MetricsEndpoint(url),
                Protocol = OtlpExportProtocol.HttpProtobuf,
                TimeoutMilliseconds = milliseconds,
            }
        );
        // Not a periodic reader: it collects only when asked, and its shutdown says whether the export was accepted.
        using var provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: results.Environment.HarnessVersion))
            .AddMeter(MeterName)
            .AddReader(new BaseExportingMetricReader(exporter))
            .Build();
        // Shutdown collects once and exports (a flush first would send everything twice).
        return provider.Shutdown(milliseconds);
    }

    private static IEnumerable<Measurement<double>> Observe(ResultFamily family, List<KeyValuePair<string, object?>> scope)
    {
        return family
            .Samples.Select(s => new Measurement<double>(
                s.Value,
                [.. scope, .. s.Labels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))]
            ))
            .ToList();
    }

    /// <summary>UCUM units, as OpenTelemetry names them: "s" for seconds, "1" for a ratio; none for counts.</summary>
    private static string? UnitOf(string unit) =>
        unit switch
        {
            "seconds" => "s",
            "ratio" => "1",
            _ => null,
        };
}

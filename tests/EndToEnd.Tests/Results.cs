using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Reads figures out of results.json the way an external consumer would: by its documented field names.</summary>
internal static class Results
{
    public static double PhaseFigure(JsonDocument results, string probe, string metric, string phase, string figure)
    {
        var probeElement = results
            .RootElement.GetProperty("probes")
            .EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == probe);
        var metricElement = probeElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == metric);
        return metricElement.GetProperty("phases").GetProperty(phase).GetProperty(figure).GetDouble();
    }

    public static string Status(JsonDocument results) => results.RootElement.GetProperty("status").GetString()!;
}

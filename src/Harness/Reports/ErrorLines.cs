using System.Globalization;
using Harness.Metrics;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// A probe's top failure reasons in one line per metric, the same text in every output (console, summary.md,
/// junit.xml, the matrix grid): <c>65 ws_handshake_failed: handshake_503 (60), refused (5) - first 'HTTP 503
/// Service Unavailable' at 12.3 s in phase degraded</c>. The example is the most frequent class's first occurrence;
/// times are seconds after the run started. Plain text: each output encodes it its own way.
/// </summary>
public static class ErrorLines
{
    /// <summary>How many classes a line names; the rest are summed as "+N more".</summary>
    public const int TopClasses = 3;

    public static IReadOnlyList<string> For(ProbeResult probe, DateTimeOffset runStart)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe
            .Errors.GroupBy(e => e.Metric, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.Count).ThenBy(e => e.FirstAt).ToList())
            .OrderByDescending(g => g.Sum(e => e.Count))
            .Select(g => Line(g, runStart))
            .ToList();
    }

    /// <summary>Every probe's lines, each with its probe.</summary>
    public static IEnumerable<(string Probe, string Line)> For(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Probes.SelectMany(p => For(p, results.StartedAt).Select(line => (p.Name, line)));
    }

    private static string Line(IReadOnlyList<ErrorTally> classes, DateTimeOffset runStart)
    {
        var total = classes.Sum(e => e.Count);
        var named = classes.Take(TopClasses).Select(e => $"{e.Class} ({Integer(e.Count)})").ToList();
        if (classes.Count > TopClasses)
            named.Add($"+{Integer(classes.Count - TopClasses)} more ({Integer(classes.Skip(TopClasses).Sum(e => e.Count))})");
        var top = classes[0];
        var at = (top.FirstAt - runStart).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{Integer(total)} {top.Metric}: {string.Join(", ", named)} - first '{top.Message}' at {at} s in phase {top.Phase}";
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using Harness.Reports.Model;

namespace Harness.History;

/// <summary>Appends a run to the history beside its report directory; a failure is logged and never fails the run.</summary>
internal static class HistoryRecorder
{
    /// <summary>reports/history.db for a run written to reports/&lt;stamp&gt;-&lt;name&gt;/.</summary>
    public static string PathFor(string reportDirectory) =>
        Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(reportDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".",
            HistoryStore.FileName
        );

    /// <returns>The threshold trends including this run, or none when the history could not be written or read.</returns>
    public static IReadOnlyList<ThresholdTrend> Record(
        RunResults results,
        string databasePath,
        Func<string, string> redact,
        Action<string> log
    )
    {
        Append(results, databasePath, redact, log);
        return Read(results, databasePath, log);
    }

    /// <summary>Appends the run; a failure is logged.</summary>
    public static void Append(RunResults results, string databasePath, Func<string, string> redact, Action<string> log)
    {
        try
        {
            new HistoryStore(databasePath).Append(results, redact);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log($"history: could not record this run in {databasePath} ({e.Message}); the run's reports are unaffected");
        }
    }

    /// <summary>
    /// The trends as they will be once this run is appended, without appending it: a run's reports are written
    /// first and its history only once they exist.
    /// </summary>
    public static IReadOnlyList<ThresholdTrend> Preview(
        RunResults results,
        string databasePath,
        Func<string, string> redact,
        Action<string> log
    )
    {
        var trends = Read(results, databasePath, log)
            .Select(t => t with { Points = t.Points.Where(p => p.RunId != results.RunId).ToList() })
            .ToList();
        foreach (var t in results.Thresholds)
        {
            var point = new ThresholdPoint(results.RunId, results.StartedAt, t.Observed, t.Passed);
            var (probe, expression) = (redact(t.Probe), redact(t.Expression));
            var index = trends.FindIndex(x => x.Probe == probe && x.Expression == expression);
            if (index < 0)
                trends.Add(new ThresholdTrend(results.Scenario.Name, probe, expression, t.Metric, [point]));
            else
                trends[index] = trends[index] with { Points = [.. trends[index].Points, point] };
        }
        // As the store reads them: the last runs, this one included.
        var kept = trends
            .SelectMany(t => t.Points)
            .Select(p => (p.StartedAt, p.RunId))
            .Distinct()
            .OrderBy(p => p.StartedAt)
            .ThenBy(p => p.RunId, StringComparer.Ordinal)
            .TakeLast(HistoryStore.DefaultLast)
            .Select(p => p.RunId)
            .ToHashSet(StringComparer.Ordinal);
        return trends
            .Select(t => t with { Points = t.Points.Where(p => kept.Contains(p.RunId)).ToList() })
            .Where(t => t.Points.Count > 0)
            .ToList();
    }

    /// <summary>
    /// The trends of this run's scenario and matrix cell up to and including this run, read only (for <c>harness report</c>);
    /// none when the database is missing or unreadable.
    /// </summary>
    public static IReadOnlyList<ThresholdTrend> Read(RunResults results, string databasePath, Action<string> log)
    {
        try
        {
            return new HistoryStore(databasePath).Trends(
                results.Scenario.Name,
                HistoryStore.DefaultLast,
                results.StartedAt,
                results.Scenario.Cell ?? ""
            );
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log($"history: could not read {databasePath} ({e.Message}); the report shows no trends");
            return [];
        }
    }
}

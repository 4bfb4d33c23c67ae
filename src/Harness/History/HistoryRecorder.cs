using Harness.Reports.Model;

namespace Harness.History;

/// <summary>Appends a run to the history beside its report directory; a failure is logged and never fails the run.</summary>
internal static class HistoryRecorder
{
    /// <summary>reports/history.db for a run written to reports/&lt;stamp&gt;-&lt;name&gt;/.</summary>
    public static string PathFor(string reportDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(reportDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", HistoryStore.FileName);

    /// <returns>The threshold trends including this run, or none when the history could not be written or read.</returns>
    public static IReadOnlyList<ThresholdTrend> Record(RunResults results, string databasePath, Func<string, string> redact, Action<string> log)
    {
        var store = new HistoryStore(databasePath);
        try
        {
            store.Append(results, redact);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log($"history: could not record this run in {databasePath} ({e.Message}); the run's reports are unaffected");
        }
        return Read(results, databasePath, log);
    }

    /// <summary>
    /// The trends of this run's scenario and matrix cell up to and including this run, read only (for <c>harness report</c>);
    /// none when the database is missing or unreadable.
    /// </summary>
    public static IReadOnlyList<ThresholdTrend> Read(RunResults results, string databasePath, Action<string> log)
    {
        try
        {
            return new HistoryStore(databasePath).Trends(results.Scenario.Name, HistoryStore.DefaultLast, results.StartedAt, results.Scenario.Cell ?? "");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log($"history: could not read {databasePath} ({e.Message}); the report shows no trends");
            return [];
        }
    }
}

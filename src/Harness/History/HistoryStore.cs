using System.Globalization;
using Harness.Reports.Model;
using Microsoft.Data.Sqlite;

namespace Harness.History;

/// <summary>
/// reports/history.db: one row per run and per threshold outcome, so later runs and <c>harness history</c> can show
/// trends. Every call opens its own connection; writers wait for each other (busy timeout, immediate transactions,
/// WAL), so two runs finishing at once both land.
/// </summary>
internal sealed class HistoryStore(string path)
{
    public const string FileName = "history.db";
    public const int DefaultLast = 10;
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public string Path { get; } = path;

    /// <summary>Records a run (again: a run already recorded is replaced). <paramref name="redact"/> masks secrets in stored text.</summary>
    public void Append(RunResults results, Func<string, string>? redact = null)
    {
        redact ??= static s => s;
        using var connection = Open(SqliteOpenMode.ReadWriteCreate);
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, "DELETE FROM thresholds WHERE run_id = $run; DELETE FROM runs WHERE run_id = $run;", ("$run", results.RunId));
        Execute(connection,
            "INSERT INTO runs (run_id, scenario, started_at, finished_at, status, exit_code, seed, duration_ms) VALUES ($run, $scenario, $started, $finished, $status, $exit, $seed, $duration);",
            ("$run", results.RunId), ("$scenario", redact(results.Scenario.Name)), ("$started", Stamp(results.StartedAt)), ("$finished", Stamp(results.FinishedAt)),
            ("$status", results.Status.ToString().ToLowerInvariant()), ("$exit", results.ExitCode), ("$seed", results.Scenario.Seed), ("$duration", results.DurationMs));
        var ordinal = 0;
        foreach (var t in results.Thresholds)
        {
            Execute(connection,
                "INSERT INTO thresholds (run_id, ordinal, probe, expression, metric, phase, aggregation, operator, limit_value, observed, passed) " +
                "VALUES ($run, $ordinal, $probe, $expression, $metric, $phase, $aggregation, $operator, $limit, $observed, $passed);",
                ("$run", results.RunId), ("$ordinal", ordinal++), ("$probe", redact(t.Probe)), ("$expression", redact(t.Expression)), ("$metric", t.Metric),
                ("$phase", t.Phase), ("$aggregation", t.Aggregation), ("$operator", t.Operator), ("$limit", t.Limit), ("$observed", t.Observed), ("$passed", t.Passed ? 1 : 0));
        }
        transaction.Commit();
    }

    public IReadOnlyList<HistoryRun> Runs(string? scenario, int last = DefaultLast, DateTimeOffset? upTo = null)
    {
        if (!File.Exists(Path)) return [];
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(connection,
            "SELECT run_id, scenario, started_at, status, exit_code, seed FROM runs WHERE ($scenario IS NULL OR scenario = $scenario) AND started_at <= $upTo " +
            "ORDER BY started_at DESC, run_id DESC LIMIT $last;",
            ("$scenario", scenario), ("$upTo", Stamp(upTo ?? DateTimeOffset.MaxValue)), ("$last", last));
        var runs = new List<HistoryRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new HistoryRun(reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2)), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        runs.Reverse();
        return runs;
    }

    public IReadOnlyList<string> Scenarios()
    {
        if (!File.Exists(Path)) return [];
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(connection, "SELECT DISTINCT scenario FROM runs ORDER BY scenario;");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Each threshold of <paramref name="scenario"/> over its last <paramref name="last"/> runs started at or before <paramref name="upTo"/>.</summary>
    public IReadOnlyList<ThresholdTrend> Trends(string scenario, int last = DefaultLast, DateTimeOffset? upTo = null)
    {
        var runs = Runs(scenario, last, upTo);
        if (runs.Count == 0) return [];
        var byRun = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(connection,
            "SELECT t.run_id, t.probe, t.expression, t.metric, t.observed, t.passed FROM thresholds t JOIN runs r ON r.run_id = t.run_id " +
            "WHERE r.scenario = $scenario ORDER BY r.started_at, r.run_id, t.ordinal;", ("$scenario", scenario));
        var rows = new List<(string Probe, string Expression, string Metric, ThresholdPoint Point)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!byRun.TryGetValue(reader.GetString(0), out var run)) continue;
            rows.Add((reader.GetString(1), reader.GetString(2), reader.GetString(3),
                new ThresholdPoint(run.RunId, run.StartedAt, reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetInt64(5) != 0)));
        }
        return rows.GroupBy(r => (r.Probe, r.Expression))
            .Select(g => new ThresholdTrend(scenario, g.Key.Probe, g.Key.Expression, g.First().Metric, g.Select(r => r.Point).ToList()))
            .ToList();
    }

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        if (mode != SqliteOpenMode.ReadOnly) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};");
        if (mode != SqliteOpenMode.ReadOnly) Migrate(connection);
        return connection;
    }

    private static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY, scenario TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
                status TEXT NOT NULL, exit_code INTEGER NOT NULL, seed INTEGER NOT NULL, duration_ms REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs (scenario, started_at);
            CREATE TABLE IF NOT EXISTS thresholds (
                run_id TEXT NOT NULL, ordinal INTEGER NOT NULL, probe TEXT NOT NULL, expression TEXT NOT NULL, metric TEXT NOT NULL,
                phase TEXT, aggregation TEXT NOT NULL, operator TEXT NOT NULL, limit_value REAL NOT NULL, observed REAL, passed INTEGER NOT NULL,
                PRIMARY KEY (run_id, ordinal));
            """);
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Sortable UTC text with a fixed width, so string order is time order.</summary>
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>One recorded run.</summary>
internal sealed record HistoryRun(string RunId, string Scenario, DateTimeOffset StartedAt, string Status, int ExitCode, int Seed);

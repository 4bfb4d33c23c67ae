using System.Globalization;
using Harness.Reports.Model;
using Microsoft.Data.Sqlite;

namespace Harness.History;

/// <summary>
/// reports/history.db: one row per run and per threshold outcome, so later runs and <c>harness history</c> can show
/// trends. Runs are keyed by scenario and matrix cell (<c>cell</c>, empty for a scenario without a matrix): a
/// matrix's cells never share a trend. Every call opens its own connection; writers wait for each other (busy
/// timeout, immediate transactions, WAL), so two runs finishing at once both land. A database written before cells
/// were kept reads as runs without a cell and gains the column on the next append.
/// </summary>
internal sealed class HistoryStore(string path)
{
    public const string FileName = "history.db";
    public const int DefaultLast = 10;
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public string Path { get; } = path;

    /// <summary>
    /// Records a run (again: a run already recorded is replaced). <paramref name="redact"/> masks secrets in stored text.
    /// </summary>
    public void Append(RunResults results, Func<string, string>? redact = null)
    {
        redact ??= static s => s;
        using var connection = Open(SqliteOpenMode.ReadWriteCreate);
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, "DELETE FROM thresholds WHERE run_id = $run; DELETE FROM runs WHERE run_id = $run;", ("$run", results.RunId));
        Execute(
            connection,
            "INSERT INTO runs (run_id, scenario, cell, started_at, finished_at, status, exit_code, seed, duration_ms) "
                + "VALUES ($run, $scenario, $cell, $started, $finished, $status, $exit, $seed, $duration);",
            ("$run", results.RunId),
            ("$scenario", redact(results.Scenario.Name)),
            ("$cell", redact(results.Scenario.Cell ?? "")),
            ("$started", Stamp(results.StartedAt)),
            ("$finished", Stamp(results.FinishedAt)),
            ("$status", results.Status.ToString().ToLowerInvariant()),
            ("$exit", results.ExitCode),
            ("$seed", results.Scenario.Seed),
            ("$duration", results.DurationMs)
        );
        var ordinal = 0;
        foreach (var t in results.Thresholds)
        {
            Execute(
                connection,
                "INSERT INTO thresholds (run_id, ordinal, probe, expression, metric, phase, aggregation, operator, limit_value, observed, passed) "
                    + "VALUES ($run, $ordinal, $probe, $expression, $metric, $phase, $aggregation, $operator, $limit, $observed, $passed);",
                ("$run", results.RunId),
                ("$ordinal", ordinal++),
                ("$probe", redact(t.Probe)),
                ("$expression", redact(t.Expression)),
                ("$metric", t.Metric),
                ("$phase", t.Phase),
                ("$aggregation", t.Aggregation),
                ("$operator", t.Operator),
                ("$limit", t.Limit),
                ("$observed", t.Observed),
                ("$passed", t.Passed ? 1 : 0)
            );
        }
        transaction.Commit();
    }

    /// <summary>
    /// The last runs of <paramref name="scenario"/> (all when null) in matrix cell <paramref name="cell"/> ("" for none).
    /// </summary>
    public IReadOnlyList<HistoryRun> Runs(string? scenario, int last = DefaultLast, DateTimeOffset? upTo = null, string cell = "")
    {
        if (!File.Exists(Path))
            return [];
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(
            connection,
            "SELECT run_id, scenario, started_at, status, exit_code, seed FROM runs "
                + $"WHERE ($scenario IS NULL OR scenario = $scenario) AND {CellOf(connection)} = $cell AND started_at <= $upTo "
                + "ORDER BY started_at DESC, run_id DESC LIMIT $last;",
            ("$scenario", scenario),
            ("$cell", cell),
            ("$upTo", Stamp(upTo ?? DateTimeOffset.MaxValue)),
            ("$last", last)
        );
        var runs = new List<HistoryRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = new HistoryRun(
                reader.GetString(0),
                reader.GetString(1),
                Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt32(5)
            );
            runs.Add(run with { Cell = cell });
        }
        runs.Reverse();
        return runs;
    }

    /// <summary>The matrix cells <paramref name="scenario"/> has runs in, sorted; "" stands for runs without a cell.</summary>
    public IReadOnlyList<string> Cells(string scenario)
    {
        if (!File.Exists(Path))
            return [];
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(
            connection,
            $"SELECT DISTINCT {CellOf(connection)} FROM runs WHERE scenario = $scenario ORDER BY 1;",
            ("$scenario", scenario)
        );
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
            cells.Add(reader.GetString(0));
        return cells;
    }

    public IReadOnlyList<string> Scenarios()
    {
        if (!File.Exists(Path))
            return [];
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(connection, "SELECT DISTINCT scenario FROM runs ORDER BY scenario;");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>
    /// Each threshold of <paramref name="scenario"/> in matrix cell <paramref name="cell"/> ("" for none) over its last
    /// <paramref name="last"/> runs started at or before <paramref name="upTo"/>.
    /// </summary>
    public IReadOnlyList<ThresholdTrend> Trends(string scenario, int last = DefaultLast, DateTimeOffset? upTo = null, string cell = "")
    {
        var runs = Runs(scenario, last, upTo, cell);
        if (runs.Count == 0)
            return [];
        var byRun = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = Command(
            connection,
            "SELECT t.run_id, t.probe, t.expression, t.metric, t.observed, t.passed, t.aggregation "
                + "FROM thresholds t JOIN runs r ON r.run_id = t.run_id "
                + "WHERE r.scenario = $scenario ORDER BY r.started_at, r.run_id, t.ordinal;",
            ("$scenario", scenario)
        );
        var rows = new List<(string Probe, string Expression, string Metric, string Aggregation, ThresholdPoint Point)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!byRun.TryGetValue(reader.GetString(0), out var run))
                continue;
            rows.Add(
                (
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(6),
                    new ThresholdPoint(run.RunId, run.StartedAt, reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetInt64(5) != 0)
                )
            );
        }
        return rows.GroupBy(r => (r.Probe, r.Expression))
            .Select(g => new ThresholdTrend(scenario, g.Key.Probe, g.Key.Expression, g.First().Metric, g.Select(r => r.Point).ToList())
            {
                Cell = cell,
                Aggregation = g.First().Aggregation,
            })
            .ToList();
    }

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        if (mode != SqliteOpenMode.ReadOnly)
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Mode = mode,
                Pooling = false,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString()
        );
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};");
        if (mode != SqliteOpenMode.ReadOnly)
            Migrate(connection);
        return connection;
    }

    private static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(
            connection,
            """
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY, scenario TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
                status TEXT NOT NULL, exit_code INTEGER NOT NULL, seed INTEGER NOT NULL, duration_ms REAL NOT NULL,
                cell TEXT NOT NULL DEFAULT '');
            CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs (scenario, started_at);
            CREATE TABLE IF NOT EXISTS thresholds (
                run_id TEXT NOT NULL, ordinal INTEGER NOT NULL, probe TEXT NOT NULL, expression TEXT NOT NULL, metric TEXT NOT NULL,
                phase TEXT, aggregation TEXT NOT NULL, operator TEXT NOT NULL, limit_value REAL NOT NULL, observed REAL, passed INTEGER NOT NULL,
                PRIMARY KEY (run_id, ordinal));
            """
        );
        // Databases written before matrix cells were kept: their runs had no cell.
        if (HasCellColumn(connection))
            return;
        try
        {
            Execute(connection, "ALTER TABLE runs ADD COLUMN cell TEXT NOT NULL DEFAULT '';");
        }
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
        {
            // Another run migrated the same database a moment ago.
        }
    }

    private static bool HasCellColumn(SqliteConnection connection)
    {
        using var command = Command(connection, "SELECT COUNT(*) FROM pragma_table_info('runs') WHERE name = 'cell';");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The cell column, or '' on a database opened read-only that predates it.</summary>
    private static string CellOf(SqliteConnection connection) => HasCellColumn(connection) ? "cell" : "''";

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Sortable UTC text with a fixed width, so string order is time order.</summary>
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) =>
        DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>One recorded run.</summary>
internal sealed record HistoryRun(string RunId, string Scenario, DateTimeOffset StartedAt, string Status, int ExitCode, int Seed)
{
    /// <summary>The matrix cell (<c>axis=value,...</c>), or "" for a scenario without a matrix.</summary>
    public string Cell { get; init; } = "";
}

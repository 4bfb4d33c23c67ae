using System.Globalization;
using System.Text;

namespace Harness.Impairment.Bench.Table;

/// <summary>Figures by metric and target, one value per round; medians and the markdown table.</summary>
internal sealed class Figures
{
    private static readonly (string Key, string Label, string Goal, bool Ratio)[] Rows =
    [
        ("bulk_GiBps", "bulk, 1 connection (GiB/s)", ">= 0.8x direct", true),
        ("rtt_p50_us", "added echo RTT 64 B p50 (µs)", "<= 30", false),
        ("rtt_p99_us", "added echo RTT 64 B p99 (µs)", "<= 100", false),
        ("rtt_p999_us", "added echo RTT 64 B p99.9 (µs)", "<= 500", false),
        ("open_s", "open 9,900 connections until all reach the server (s)", "<= 1.5", true),
        ("lat_err_p99_ms", "latency 100 ms: error p99 (ms)", "<= 0.5 quiet, <= Toxiproxy's loaded", false),
        ("lat_err_max_ms", "latency 100 ms: error max (ms)", "<= Toxiproxy's loaded", false),
        ("lat_err_warm_p99_ms", "latency 100 ms: error p99 without each connection's first ping (ms)", "(diagnostic)", false),
        ("lat_err_warm_max_ms", "latency 100 ms: error max without each connection's first ping (ms)", "(diagnostic)", false),
        ("toxic_add_p50_ms", "toxic add p50, 20 MB/s queued (ms)", "<= 1", false),
        ("toxic_remove_p99_ms", "toxic remove p99, 20 MB/s queued (ms)", "<= 5", false),
        ("start_s", "start to first GET /version (s)", "<= 0.1", false),
        ("idle_rss_MiB", "idle RSS (MiB)", "<= 30", false),
        ("peer_within_10ms", "peer check: 100 ms latency, fresh proxy+connection, one echo, within ±10 ms (count)", ">= 95 of 100", false),
    ];

    private readonly List<Dictionary<(string Key, string Target), double>> _rounds = [];

    public void NewRound() => _rounds.Add([]);

    public void Add(string key, string target, double value) => _rounds[^1][(key, target)] = value;

    public string Last() =>
        string.Join(
            "  ",
            _rounds[^1].Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key.Target}.{f.Key.Key}={f.Value:0.###}"))
        );

    public string Markdown(bool withToxiproxy, int peerTrials)
    {
        var text = new StringBuilder();
        text.AppendLine(
            withToxiproxy
                ? "| metric | direct | Toxiproxy | ours | ours / direct | ours / Toxiproxy | goal |\n|---|---|---|---|---|---|---|"
                : "| metric | direct | ours | ours / direct | goal |\n|---|---|---|---|---|"
        );
        foreach (var (key, label, goal, ratio) in Rows)
        {
            var direct = Median(key, "direct");
            var theirs = Median(key, "toxiproxy");
            var ours = Median(key, "ours");
            var cells = new List<string> { label.Replace("of 100", $"of {peerTrials}", StringComparison.Ordinal), Cell(direct) };
            if (withToxiproxy)
                cells.Add(Cell(theirs));
            cells.Add(Cell(ours));
            cells.Add(ratio ? Cell(ours / direct, "x") : "—");
            if (withToxiproxy)
                cells.Add(Cell(ours / theirs, "x"));
            cells.Add(goal.Replace("of 100", $"of {peerTrials}", StringComparison.Ordinal));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
        return text.ToString();
    }

    private double Median(string key, string target)
    {
        var values = _rounds.Where(r => r.ContainsKey((key, target))).Select(r => r[(key, target)]).ToArray();
        return values.Length == 0 ? double.NaN : Stats.Median(values);
    }

    private static string Cell(double value, string unit = "") =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? "—"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{(Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture))}{unit}"
            );
}

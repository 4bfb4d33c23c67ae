using Harness.Orchestration.Monitoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Harness.Cli.Live;

/// <summary>
/// Draws one frame of the live view from a snapshot. Every string shown is redacted first and then placed as
/// plain <see cref="Text"/> (never parsed as markup), so a secret is masked whole before any wrapping or
/// styling can split it, and brackets in names cannot break the frame.
/// </summary>
internal static class LiveRenderer
{
    private static readonly Style Dim = new(Color.Grey);

    public static IRenderable Render(RunSnapshot? snapshot, IReadOnlyList<string> log, Func<string, string> redact)
    {
        var rows = new List<IRenderable> { Header(snapshot, redact) };
        if (snapshot is { Probes.Count: > 0 })
            rows.Add(Probes(snapshot, redact));
        if (snapshot is { Thresholds.Count: > 0 })
            rows.Add(Thresholds(snapshot, redact));
        rows.AddRange(log.Select(line => new Text(redact(line), Dim)));
        var title = snapshot is null ? "harness run" : $"harness run {redact(snapshot.Scenario)}";
        return new Panel(new Rows(rows)).Header(Markup.Escape(title)).Border(BoxBorder.Rounded).Expand();
    }

    private static Text Header(RunSnapshot? snapshot, Func<string, string> redact)
    {
        var elapsed = snapshot is null ? string.Empty : $"  elapsed {Figures.Seconds(snapshot.Elapsed)} s";
        var where = snapshot switch
        {
            null => "starting",
            { Phase: { } phase, Finished: false } =>
                $"phase {redact(phase.Name)} ({phase.Number}/{snapshot.PhaseCount})  {Figures.Seconds(phase.Elapsed)} s of {Figures.Seconds(phase.Planned)} s",
            { Finished: true } => "finished",
            _ => "setting up services and proxies",
        };
        return new Text(where + elapsed, new Style(decoration: Decoration.Bold));
    }

    private static Table Probes(RunSnapshot snapshot, Func<string, string> redact)
    {
        var window = Figures.Seconds(MonitorDefaults.Window);
        var table = new Table()
            .Border(TableBorder.Simple)
            .AddColumn("probe")
            .AddColumn("clients")
            .AddColumn($"latency, last {window} s")
            .AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p95 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("loss").RightAligned());
        foreach (var p in snapshot.Probes)
        {
            table.AddRow(
                new Text(redact(p.Name)),
                new Text(Figures.Clients(p.Clients)),
                new Text(p.LatencyMetric ?? Figures.None),
                new Text(Figures.Ms(p.P50)),
                new Text(Figures.Ms(p.P95)),
                new Text(Figures.Ms(p.P99)),
                new Text(Figures.Percent(p.ErrorRate)),
                new Text(Figures.Percent(p.LossRate))
            );
        }
        return table;
    }

    private static Table Thresholds(RunSnapshot snapshot, Func<string, string> redact)
    {
        var table = new Table()
            .Border(TableBorder.Simple)
            .AddColumn("state")
            .AddColumn("probe")
            .AddColumn("threshold")
            .AddColumn(new TableColumn("observed").RightAligned());
        foreach (var t in snapshot.Thresholds)
        {
            table.AddRow(State(t.State), new Text(redact(t.Probe)), new Text(redact(t.Source)), new Text(Figures.Observed(t)));
        }
        return table;
    }

    private static Text State(ThresholdState state) =>
        state switch
        {
            ThresholdState.Passing => new Text("pass", new Style(Color.Green)),
            ThresholdState.Failing => new Text("FAIL", new Style(Color.Red, decoration: Decoration.Bold)),
            _ => new Text("no data yet", Dim),
        };
}

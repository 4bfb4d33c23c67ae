namespace Harness.Orchestration;

/// <summary>How to run: where reports go, overrides from the command line, and the command to print for reproduction.</summary>
public sealed record RunOptions(string ReportRoot, int? Seed, Uri? Toxiproxy, string Command)
{
    /// <summary>HARNESS_BROWSER as the CLI read it: a browser executable for browser probes.</summary>
    public string? BrowserFromEnvironment { get; init; }

    /// <summary>Watches the run as it goes (the console's live view); null runs unwatched, exactly as before.</summary>
    public Monitoring.IRunObserver? Observer { get; init; }

    /// <summary>
    /// Where this run's report goes when the caller places it (a matrix cell in its matrix folder); null: a fresh
    /// <c>ReportRoot/&lt;stamp&gt;-&lt;name&gt;/</c>.
    /// </summary>
    public ReportPlacement? Placement { get; init; }

    /// <summary>
    /// Further Chromium switches for every browser probe (a repro sends the browser through its own router); none by default.
    /// </summary>
    public IReadOnlyList<string> BrowserArgs { get; init; } = [];

    /// <summary>
    /// How long to keep retrying an external Toxiproxy API that does not answer yet (<c>--toxiproxy-wait</c>); zero tries once.
    /// </summary>
    public TimeSpan ToxiproxyWait { get; init; } = DefaultToxiproxyWait;

    /// <summary>The default of <see cref="ToxiproxyWait"/>: long enough for a Toxiproxy container to start beside the harness.</summary>
    public static readonly TimeSpan DefaultToxiproxyWait = TimeSpan.FromSeconds(20);

    /// <summary>Where the results go besides the report (<c>--push</c>, <c>--otlp</c>, <c>--notify</c>); none by default.</summary>
    public Exporting.ExportTargets Exports { get; init; } = Exporting.ExportTargets.None;
}

/// <summary>
/// A report directory chosen by the caller, the run id to record (unique across runs, for the history) and the history database.
/// </summary>
public sealed record ReportPlacement(string Directory, string RunId, string HistoryPath);

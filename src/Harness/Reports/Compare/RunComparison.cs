namespace Harness.Reports.Compare;

/// <summary>What a comparison decided about one metric, or about the runs overall.</summary>
internal enum ChangeVerdict
{
    Unchanged,
    Improved,
    Regressed,
}

/// <summary>Which way is worse for a metric; neutral metrics are shown but never judged.</summary>
internal enum Worse
{
    Higher,
    Lower,
    Neither,
}

/// <summary>
/// The figures compared for one side: percentiles and mean for trends, the share for rates, the total per second for counters.
/// </summary>
internal sealed record Figures(double? P50, double? P95, double? Avg, int Seconds);

/// <summary>One metric of one probe in one phase ("all" = the whole run), baseline against candidate.</summary>
internal sealed record MetricComparison(
    string Probe,
    string Metric,
    string Kind,
    string Unit,
    string Phase,
    Figures Baseline,
    Figures Candidate,
    double? PValue,
    double MinEffect,
    ChangeVerdict Verdict,
    string Reason
)
{
    /// <summary>The tag value this row is about (<c>step=2</c>) in a <c>--by</c> breakdown; null for the whole metric.</summary>
    public string? Tag { get; init; }

    /// <summary>"api" or, for a breakdown row, "api [step=2]".</summary>
    public string Subject => Tag is null ? Probe : $"{Probe} [{Tag}]";

    /// <summary>The Hodges-Lehmann shift of the per-second values (candidate − baseline) the verdict follows; null if untested.</summary>
    public double? Shift { get; init; }

    public double? Delta(Func<Figures, double?> figure) => figure(Candidate) is { } c && figure(Baseline) is { } b ? c - b : null;
}

/// <summary>A whole comparison: both runs, every metric, the overall verdict (regressed if any metric regressed).</summary>
internal sealed record RunComparison(
    Model.RunResults Baseline,
    Model.RunResults Candidate,
    IReadOnlyList<MetricComparison> Metrics,
    IReadOnlyList<string> Notes
)
{
    /// <summary>The runs pooled into each side when the comparison came from alternating rounds; empty for two single runs.</summary>
    public IReadOnlyList<ComparedRun> Rounds { get; init; } = [];

    public ChangeVerdict Overall =>
        Metrics.Any(m => m.Verdict == ChangeVerdict.Regressed) ? ChangeVerdict.Regressed
        : Metrics.Any(m => m.Verdict == ChangeVerdict.Improved) ? ChangeVerdict.Improved
        : ChangeVerdict.Unchanged;
}

/// <summary>Which side of a comparison a run belongs to.</summary>
internal enum Side
{
    Baseline,
    Candidate,
}

/// <summary>One run of an alternating comparison: its round, side, the variables that made it that side, and where its report is.</summary>
internal sealed record ComparedRun(
    int Round,
    Side Side,
    string Variables,
    string RunId,
    string Directory,
    Model.RunStatus Status,
    int ExitCode
)
{
    /// <summary>The run's folder name inside the comparison folder: <c>1-baseline</c>, <c>1-candidate</c>, ...</summary>
    public static string Slug(int round, Side side) =>
        $"{round.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{side.ToString().ToLowerInvariant()}";
}

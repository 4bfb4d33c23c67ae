namespace Harness.History;

/// <summary>One recorded outcome of a threshold in one run.</summary>
internal sealed record ThresholdPoint(string RunId, DateTimeOffset StartedAt, double? Observed, bool Passed);

/// <summary>
/// A threshold's last runs in one scenario and matrix cell, oldest first. It is flaky when its outcome changed at least twice among them
/// (pass, fail, pass ...): a single change is a step (a regression or a fix), not flakiness.
/// </summary>
internal sealed record ThresholdTrend(string Scenario, string Probe, string Expression, string Metric, IReadOnlyList<ThresholdPoint> Points)
{
    /// <summary>The matrix cell of these runs, or "" for a scenario without a matrix: each cell has trends of its own.</summary>
    public string Cell { get; init; } = "";

    /// <summary>How the metric was reduced (gives the values their unit); "" when unknown.</summary>
    public string Aggregation { get; init; } = "";

    public const int FlakyFlips = 2;

    public int Flips => Points.Zip(Points.Skip(1)).Count(pair => pair.First.Passed != pair.Second.Passed);

    public bool Flaky => Flips >= FlakyFlips;
}

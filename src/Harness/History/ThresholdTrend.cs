namespace Harness.History;

/// <summary>One recorded outcome of a threshold in one run.</summary>
internal sealed record ThresholdPoint(string RunId, DateTimeOffset StartedAt, double? Observed, bool Passed);

/// <summary>
/// A threshold's last runs, oldest first. It is flaky when its outcome changed at least twice among them
/// (pass, fail, pass ...): a single change is a step (a regression or a fix), not flakiness.
/// </summary>
internal sealed record ThresholdTrend(string Scenario, string Probe, string Expression, string Metric, IReadOnlyList<ThresholdPoint> Points)
{
    public const int FlakyFlips = 2;

    public int Flips => Points.Zip(Points.Skip(1)).Count(pair => pair.First.Passed != pair.Second.Passed);

    public bool Flaky => Flips >= FlakyFlips;
}

namespace Harness.Testing;

/// <summary>A threshold held against a run or samples: the observed value (in the metric's unit), and whether it passed.</summary>
/// <param name="Expression">The threshold as written.</param>
/// <param name="Probe">The probe whose metric it read.</param>
/// <param name="Observed">The value it compared, or null when there was no data.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The comparison in words, e.g. <c>p(95) = 212ms, limit &lt; 400ms</c>.</param>
public sealed record ThresholdOutcome(string Expression, string Probe, double? Observed, bool Passed, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "pass" : "FAIL")}  {Probe}: {Expression}  ({Detail})";
}

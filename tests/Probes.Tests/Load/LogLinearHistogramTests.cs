using Harness.Probes.Abstractions;

namespace Probes.Tests.Load;

public sealed class LogLinearHistogramTests
{
    private static readonly double[] Percentiles = [0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];

    private static IEnumerable<TestCaseData> Distributions()
    {
        yield return new TestCaseData("uniform", (Func<Random, double>)(r => 1 + r.NextDouble() * 999)).SetName(
            "Percentile_UniformData_WithinOnePercent"
        );
        yield return new TestCaseData("lognormal", (Func<Random, double>)(r => Math.Exp(3 + 2 * Normal(r)))).SetName(
            "Percentile_LogNormalData_WithinOnePercent"
        );
        yield return new TestCaseData("exponential", (Func<Random, double>)(r => -50 * Math.Log(1 - r.NextDouble()))).SetName(
            "Percentile_ExponentialData_WithinOnePercent"
        );
        yield return new TestCaseData("wide", (Func<Random, double>)(r => Math.Pow(10, -3 + r.NextDouble() * 10))).SetName(
            "Percentile_ElevenDecades_WithinOnePercent"
        );
    }

    [TestCaseSource(nameof(Distributions))]
    public void Percentile_RandomData_WithinOnePercentOfExact(string name, Func<Random, double> draw)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, 20_000).Select(_ => draw(random)).ToArray();
            var histogram = new LogLinearHistogram();
            foreach (var v in values)
                histogram.Record(v);
            Array.Sort(values);
            foreach (var p in Percentiles)
            {
                var exact = ExactPercentile(values, p);
                Assert.That(histogram.Percentile(p), Is.EqualTo(exact).Within(0.01 * exact), $"{name} seed {seed} p{p}");
            }
        }
    }

    [Test]
    public void Summary_RandomData_CountMinMaxMeanExact()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 5_000).Select(_ => random.NextDouble() * 100).ToArray();
        var histogram = new LogLinearHistogram();
        foreach (var v in values)
            histogram.Record(v);

        Assert.That((histogram.Count, histogram.Min, histogram.Max), Is.EqualTo((5_000L, values.Min(), values.Max())));
        Assert.That(histogram.Mean, Is.EqualTo(values.Average()).Within(1e-9));
    }

    [Test]
    public void Merge_TwoHalves_SameAsOneHistogram()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 10_000).Select(_ => Math.Exp(4 * random.NextDouble())).ToArray();
        var whole = new LogLinearHistogram();
        var (left, right) = (new LogLinearHistogram(), new LogLinearHistogram());
        for (var i = 0; i < values.Length; i++)
        {
            whole.Record(values[i]);
            (i % 2 == 0 ? left : right).Record(values[i]);
        }
        left.Merge(right);

        Assert.That((left.Count, left.Min, left.Max), Is.EqualTo((whole.Count, whole.Min, whole.Max)));
        Assert.That(Percentiles.Select(left.Percentile), Is.EqualTo(Percentiles.Select(whole.Percentile)));
        Assert.That(left.Buckets(), Is.EqualTo(whole.Buckets()));
    }

    [Test]
    public void Buckets_MillionSamples_BoundedByRange()
    {
        var random = new Random(3);
        var histogram = new LogLinearHistogram();
        for (var i = 0; i < 1_000_000; i++)
            histogram.Record(1 + random.NextDouble() * 1_000);

        // 1 to 1001 spans 10 powers of two: at most 10 rows of 64 buckets, however many samples.
        Assert.That(histogram.Buckets().Count(), Is.LessThanOrEqualTo(11 * LogLinearHistogram.SubBuckets));
        Assert.That(histogram.Buckets().Sum(b => b.Count), Is.EqualTo(1_000_000));
    }

    [Test]
    public void Record_ZerosAndNonFinite_ZerosCountedOthersIgnored()
    {
        var histogram = new LogLinearHistogram();
        foreach (var v in new[] { 0, 0, 5, double.NaN, double.PositiveInfinity })
            histogram.Record(v);

        Assert.That((histogram.Count, histogram.Percentile(50), histogram.Percentile(100)), Is.EqualTo((3L, 0d, 5d)));
    }

    [Test]
    public void Percentile_Empty_NaN() => Assert.That(new LogLinearHistogram().Percentile(50), Is.NaN);

    // Nearest rank, the definition the histogram approximates.
    private static double ExactPercentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}

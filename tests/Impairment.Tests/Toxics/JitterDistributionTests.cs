using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class JitterDistributionTests
{
    private static double[] Draw(JitterDistribution distribution, int count = 50_000)
    {
        var random = new Random(21);
        return Enumerable
            .Range(0, count)
            .Select(_ => JitterSampler.Draw(distribution, TimeSpan.FromMilliseconds(10), random).TotalMilliseconds)
            .ToArray();
    }

    [Test]
    public void Jitter_Normal_MeanZeroStandardDeviationEqualsJitter()
    {
        var draws = Draw(JitterDistribution.Normal);
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Average(d => (d - mean) * (d - mean)));
        Assert.That(mean, Is.EqualTo(0).Within(0.2));
        Assert.That(sd, Is.EqualTo(10).Within(0.3));
    }

    [Test]
    public void Jitter_ParetoNormal_HeavierRightTailThanNormal()
    {
        static double TailShare(double[] d) => d.Count(x => x > 35) / (double)d.Length;
        var pareto = Draw(JitterDistribution.ParetoNormal);
        Assert.That(TailShare(pareto), Is.GreaterThan(5 * TailShare(Draw(JitterDistribution.Normal))));
        Assert.That(pareto.Max(), Is.LessThanOrEqualTo(40.0), "capped like netem's table (about 4 units)");
        Assert.That(pareto.Average(), Is.EqualTo(0).Within(0.5));
    }

    [Test]
    public void Jitter_Uniform_IsToxiproxysIntegerRange()
    {
        Assert.That(Draw(JitterDistribution.Uniform, 5000), Is.All.InRange(-10, 9).And.All.Matches<double>(d => d == Math.Floor(d)));
    }

    [Test]
    public async Task Latency_WideNormalJitter_NeverReordersChunks()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LatencyToxic.Kind, Attributes(("latency", 50), ("jitter", 200), ("distribution", 1)));
        var (stub, input, output, _) = StubFor(toxic, time, seed: 3);
        for (var i = 0; i < 100; i++)
            input.Writer.TryWrite(Chunk(time, (byte)i));
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        var released = Drain(output.Reader);
        Assert.That(released.Select(c => c.Data.Span[0]), Is.EqualTo(Enumerable.Range(0, 100).Select(i => (byte)i)));
        Assert.That(released.Select(c => c.Timestamp), Is.Ordered);
    }
}

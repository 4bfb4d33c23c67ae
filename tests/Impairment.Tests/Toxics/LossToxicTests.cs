using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class LossToxicTests
{
    private static LossAttributes Loss(params (string, long)[] values) =>
        LossAttributes.From(WireAttributes.Create(LossAttributes.Schema, Attributes(values)));

    [Test]
    public void LossModel_Probability10_LosesAboutOneSegmentInTen()
    {
        var model = new LossModel();
        var random = new Random(11);
        var lost = Enumerable.Range(0, 100_000).Count(_ => model.Attempt(Loss(("probability", 10)), random) is not null);
        Assert.That(lost, Is.InRange(9_500, 10_500));
    }

    [TestCase(2_000, 0.002)]
    [TestCase(15_000, 0.015)]
    public void LossModel_ProbabilityPpm_LosesFractionOfAPercentAndOverridesProbability(long ppm, double expected)
    {
        var model = new LossModel();
        var random = new Random(13);
        var attributes = Loss(("probability", 50), ("probability_ppm", ppm));
        const int attempts = 1_000_000;
        var lost = Enumerable.Range(0, attempts).Count(_ => model.Attempt(attributes, random) is not null);
        // Binomial standard deviation is at most 122 segments here; 5 of them either side.
        Assert.That((double)lost / attempts, Is.EqualTo(expected).Within(5 * Math.Sqrt(expected / attempts)));
    }

    [Test]
    public void LossModel_ProbabilityPpmZero_SameDecisionsAsBefore()
    {
        var withZero = Loss(("probability", 10), ("probability_ppm", 0));
        var without = Loss(("probability", 10));
        var (a, b) = (new LossModel(), new LossModel());
        var (ra, rb) = (new Random(3), new Random(3));
        var first = Enumerable.Range(0, 1_000).Select(_ => a.Attempt(withZero, ra) is null).ToArray();
        var second = Enumerable.Range(0, 1_000).Select(_ => b.Attempt(without, rb) is null).ToArray();
        Assert.That(first, Is.EqualTo(second));
    }

    [Test]
    public void LossModel_ConsecutiveLosses_TimeoutDoublesUpToCapThenResets()
    {
        var model = new LossModel();
        var always = Loss(("probability", 100), ("rto", 250));
        var stalls = Enumerable.Range(0, 10).Select(_ => model.Attempt(always, new Random(1))!.Value.TotalMilliseconds).ToArray();
        Assert.That(stalls, Is.EqualTo(new double[] { 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 }));

        Assert.That(model.Attempt(Loss(("probability", 0)), new Random(1)), Is.Null);
        Assert.That(
            model.Attempt(always, new Random(1)),
            Is.EqualTo(TimeSpan.FromMilliseconds(250)),
            "a delivered segment resets the back-off"
        );
    }

    [Test]
    public void LossModel_GilbertElliott_LossesComeInBurstsOfExpectedMeanLength()
    {
        var model = new LossModel();
        var random = new Random(5);
        var bursty = Loss(("p_good_to_bad", 2), ("p_bad_to_good", 25));
        var outcomes = Enumerable.Range(0, 200_000).Select(_ => model.Attempt(bursty, random) is not null).ToArray();

        var bursts = outcomes.Zip(outcomes.Skip(1)).Count(p => !p.First && p.Second);
        var meanBurst = (double)outcomes.Count(o => o) / bursts;
        // Stationary bad share 2 / (2 + 25) ≈ 7.4 %; bursts last 1 / 0.25 = 4 segments on average.
        Assert.That((double)outcomes.Count(o => o) / outcomes.Length, Is.EqualTo(2.0 / 27).Within(0.01));
        Assert.That(meanBurst, Is.EqualTo(4).Within(0.5));
    }

    [Test]
    public async Task Loss_LostSegments_StreamIntactInOrderWithRtoStalls()
    {
        var (received, jumps) = await RunAsync(seed: 7);
        var (again, jumpsAgain) = await RunAsync(seed: 7);
        var (_, otherJumps) = await RunAsync(seed: 8);

        Assert.That(received, Is.EqualTo(Payload()));
        Assert.That(jumps, Is.Not.Empty.And.All.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(again, Is.EqualTo(received));
        Assert.That(jumpsAgain, Is.EqualTo(jumps), "same seed, same loss decisions");
        Assert.That(otherJumps, Is.Not.EqualTo(jumps));
    }

    private static byte[] Payload() => Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7)).ToArray();

    private static async Task<(byte[] Received, List<TimeSpan> Jumps)> RunAsync(int seed)
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("segment_size", 1000)));
        var (stub, input, output, _) = StubFor(toxic, time, seed);
        var payload = Payload();
        for (var offset = 0; offset < payload.Length; offset += 5000)
            input.Writer.TryWrite(Chunk(time, payload[offset..(offset + 5000)]));
        input.Writer.Complete();
        await time.RunUntilAsync(toxic.PipeAsync(stub));
        return (Bytes(Drain(output.Reader)), time.Jumps);
    }
}

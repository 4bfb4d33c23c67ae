using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

/// <summary>
/// The loss model with <c>rtt</c> set: recovery as Linux's TCP does it. A lost segment followed by more data is
/// retransmitted once that data's SACK is back (the next data's send time + rtt + rtt/4, RACK's reordering window);
/// a lost segment at the tail waits for the probe timeout (2·rtt + 2 ms while other segments are unacknowledged) or
/// the retransmission timeout (rtt + rto); a lost retransmission backs off from rtt + rto, doubling.
/// </summary>
public sealed class LossRecoveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LossAttributes Loss(params (string, long)[] values) =>
        LossAttributes.From(WireAttributes.Create(LossAttributes.Schema, Attributes(values)));

    [Test]
    public void LossModel_RttSet_LoneLostSegmentWaitsRttPlusRto_LostRetransmissionsDoubleIt()
    {
        var model = new LossModel();
        var always = Loss(("probability", 100), ("rtt", 100), ("rto", 200));
        var stalls = Enumerable.Range(0, 4).Select(i => model.Attempt(always, new Random(1), Start)!.Value.TotalMilliseconds).ToArray();
        Assert.That(stalls, Is.EqualTo(new double[] { 300, 300, 600, 1200 }));
    }

    [Test]
    public void LossModel_RttSet_LostSegmentWhileAnotherIsUnacknowledged_WaitsTheProbeTimeout()
    {
        var model = new LossModel();
        var (never, always) = (Loss(("probability", 0), ("rtt", 100)), Loss(("probability", 100), ("rtt", 100)));
        Assert.That(model.Attempt(never, new Random(1), Start), Is.Null);

        // The segment sent 40 ms earlier is not acknowledged yet (rtt 100): the tail-loss probe fires at 2·rtt + 2 ms.
        Assert.That(model.Attempt(always, new Random(1), Start.AddMilliseconds(40)), Is.EqualTo(TimeSpan.FromMilliseconds(202)));
    }

    [Test]
    public void LossModel_SameSeed_SameSegmentsLostWithOrWithoutRtt_OnlyTheStallsDiffer()
    {
        // What a lossy profile's toxic was (2 %, no rtt) and is now (2 %, its 150 ms round trip as rtt).
        var (without, with) = (Loss(("probability_ppm", 20_000)), Loss(("probability_ppm", 20_000), ("rtt", 150)));
        var (a, b) = (new LossModel(), new LossModel());
        var (randomA, randomB) = (new Random(42), new Random(42));
        var lostA = new List<int>();
        var lostB = new List<int>();
        var stallsDiffer = false;
        for (var i = 0; i < 10_000; i++)
        {
            var now = Start.AddMilliseconds(i * 10);
            var (stallA, stallB) = (a.Attempt(without, randomA, now), b.Attempt(with, randomB, now));
            if (stallA is not null)
                lostA.Add(i);
            if (stallB is not null)
                lostB.Add(i);
            stallsDiffer |= stallA != stallB;
        }

        Assert.That(lostB, Is.EqualTo(lostA), "the same attempts lost");
        Assert.That(lostA, Has.Count.InRange(150, 250));
        Assert.That(stallsDiffer, Is.True);
    }

    [Test]
    public void LossModel_RttUnset_StallsAsBefore()
    {
        var model = new LossModel();
        var always = Loss(("probability", 100), ("rto", 250));
        Assert.That(model.Attempt(always, new Random(1), Start), Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(model.Attempt(always, new Random(1), Start), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
    }

    [Test]
    public async Task Loss_RttSet_LostSegmentFollowedInTheSameChunk_StallsRttAndAQuarter()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("segment_size", 1), ("rtt", 100)));
        var (stub, input, output, _) = StubFor(toxic, time, FirstLostThenKept(kept: 3));
        input.Writer.TryWrite(Chunk(time, 1, 2, 3));
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        Assert.That(Bytes(Drain(output.Reader)), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(time.Jumps, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(125) }));
    }

    [Test]
    public async Task Loss_RttSet_LostTailSegment_RecoveredRttAndAQuarterAfterTheNextDataArrives()
    {
        var time = new SteppingTimeProvider();
        var start = time.GetUtcNow();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("rtt", 100)));
        var (stub, input, output, _) = StubFor(toxic, time, FirstLostThenKept(kept: 3));
        input.Writer.TryWrite(Chunk(time, 1));
        var piping = toxic.PipeAsync(stub);

        // Waiting for more data at most until the retransmission timeout (rtt + rto = 300 ms) less rtt + rtt/4.
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(175)));
        time.Advance(TimeSpan.FromMilliseconds(50));
        input.Writer.TryWrite(Chunk(time, 2));
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(125)));
        Assert.That(Drain(output.Reader), Is.Empty, "the lost segment and what follows wait for the retransmission");
        time.Advance(TimeSpan.FromMilliseconds(125));
        var first = await ReadAsync(output.Reader);
        var second = await ReadAsync(output.Reader);
        input.Writer.Complete();
        await time.RunUntilAsync(piping);

        Assert.That(Bytes([first, second]), Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromMilliseconds(175)));
        Assert.That(second.Timestamp, Is.EqualTo(time.GetUtcNow()), "held data leaves with the retransmission");
    }

    [Test]
    public async Task Loss_RttSet_LostTailSegmentNothingFollows_WaitsRttPlusRto()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("rtt", 100), ("rto", 200)));
        var (stub, input, output, _) = StubFor(toxic, time, FirstLostThenKept(kept: 3));
        input.Writer.TryWrite(Chunk(time, 1));
        var piping = toxic.PipeAsync(stub);
        await time.RunUntilAsync(Task.Run(async () => await ReadAsync(output.Reader, TimeSpan.FromSeconds(10))));
        input.Writer.Complete();
        await time.RunUntilAsync(piping);

        Assert.That(time.Jumps.Sum(j => j.TotalMilliseconds), Is.EqualTo(300));
    }

    [Test]
    public async Task Loss_RttSet_TwoSegmentsLostBeforeTheSameSack_RecoveredTogether()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("rtt", 100)));
        // A lost, its retransmission kept, B lost, its retransmission kept, C kept: all three were sent at once, so
        // C's SACK (back after one rtt) gets A and B retransmitted together, as SACK-based recovery does.
        var (stub, input, output, _) = StubFor(toxic, time, SeedFor(true, false, true, false, false));
        foreach (var b in new byte[] { 1, 2, 3 })
            input.Writer.TryWrite(Chunk(time, b));
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        Assert.That(Bytes(Drain(output.Reader)), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(time.Jumps, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(125) }));
    }

    [Test]
    public async Task Loss_RttSet_LostRetransmission_RecoveredAfterTheNextDataSentAfterIt()
    {
        var time = new SteppingTimeProvider();
        var start = time.GetUtcNow();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("rtt", 100)));
        // A lost, its retransmission (at 175 ms) lost too, the next one kept; B and C kept.
        var (stub, input, output, _) = StubFor(toxic, time, SeedFor(true, true, false, false, false));
        input.Writer.TryWrite(Chunk(time, 1));
        var piping = toxic.PipeAsync(stub);
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(175)));
        time.Advance(TimeSpan.FromMilliseconds(50));
        input.Writer.TryWrite(Chunk(time, 2));
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(125)));
        time.Advance(TimeSpan.FromMilliseconds(125));

        // Retransmitted at 175 ms and lost: C, sent at 200 ms, gets its SACK back at 300 ms; RACK marks the
        // retransmission lost a quarter rtt later (325 ms) instead of waiting for the timeout (175 + 300 ms).
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(175)));
        time.Advance(TimeSpan.FromMilliseconds(25));
        input.Writer.TryWrite(Chunk(time, 3));
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(125)));
        Assert.That(Drain(output.Reader), Is.Empty);
        time.Advance(TimeSpan.FromMilliseconds(125));
        var received = new List<StreamChunk>();
        for (var i = 0; i < 3; i++)
            received.Add(await ReadAsync(output.Reader));
        input.Writer.Complete();
        await time.RunUntilAsync(piping);

        Assert.That(Bytes(received), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromMilliseconds(325)));
    }

    [Test]
    public async Task Loss_RttSet_EndOfStreamReadWhileAChunkIsHeld_HeldChunkStillDelivered()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LossToxic.Kind, Attributes(("probability", 20), ("rtt", 100)));
        // A lost (B, already waiting, is read behind it), A's retransmission lost (the end of the stream is read), then kept.
        var (stub, input, output, _) = StubFor(toxic, time, SeedFor(true, true, false, false));
        input.Writer.TryWrite(Chunk(time, 1));
        input.Writer.TryWrite(Chunk(time, 2));
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        Assert.That(Bytes(Drain(output.Reader)), Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(stub.IsClosed, Is.True);
    }

    private static int FirstLostThenKept(int kept) => SeedFor([true, .. Enumerable.Repeat(false, kept)]);

    /// <summary>The first seed whose draws at 20 % lose exactly the attempts marked true, in order.</summary>
    private static int SeedFor(params bool[] lost)
    {
        var attributes = Loss(("probability", 20));
        for (var seed = 1; ; seed++)
        {
            var (model, random) = (new LossModel(), new Random(seed));
            if (lost.All(l => (model.Attempt(attributes, random) is not null) == l))
                return seed;
        }
    }
}

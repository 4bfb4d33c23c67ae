using Harness.Impairment.Toxics;
using Harness.TestSupport;

namespace Impairment.Tests.Toxics;

public sealed class LatencyToxicTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    [Test]
    public async Task LatencyToxic_ChunkArrives_HeldUntilReadTimePlusLatency()
    {
        var time = new RecordingTimeProvider();
        var (stub, input, output, _) = TestToxics.Stub(time);
        var toxic = new LatencyToxic(new LatencyAttributes(TimeSpan.FromMilliseconds(100), TimeSpan.Zero));
        var run = toxic.PipeAsync(stub);
        var start = time.GetUtcNow();

        input.Writer.TryWrite(TestToxics.Chunk(time, 1, 2, 3));
        Assert.That(await time.NextTimerAsync(Bounded), Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.That(output.Reader.TryRead(out _), Is.False);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var released = await TestToxics.ReadAsync(output.Reader);
        Assert.That(released.Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(released.Timestamp, Is.EqualTo(start + TimeSpan.FromMilliseconds(100)));

        input.Writer.Complete();
        await run.WaitAsync(Bounded);
        Assert.That(stub.IsClosed, Is.True);
    }

    [Test]
    public async Task LatencyToxic_LaterChunkAlreadyDue_LeavesRightAfterPredecessorInOrder()
    {
        var time = new RecordingTimeProvider();
        var (stub, input, output, _) = TestToxics.Stub(time);
        var toxic = new LatencyToxic(new LatencyAttributes(TimeSpan.FromMilliseconds(100), TimeSpan.Zero));
        _ = toxic.PipeAsync(stub);

        input.Writer.TryWrite(TestToxics.Chunk(time, 1));
        await time.NextTimerAsync(Bounded);
        time.Advance(TimeSpan.FromMilliseconds(50));
        input.Writer.TryWrite(TestToxics.Chunk(time, 2));
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That((await TestToxics.ReadAsync(output.Reader)).Data.ToArray(), Is.EqualTo(new byte[] { 1 }));

        // The second chunk's own timer runs from its read time (t=50), so it needs 50 ms more, not 100.
        Assert.That(await time.NextTimerAsync(Bounded), Is.EqualTo(TimeSpan.FromMilliseconds(50)));
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That((await TestToxics.ReadAsync(output.Reader)).Data.ToArray(), Is.EqualTo(new byte[] { 2 }));
    }

    [Test]
    public async Task LatencyToxic_Interrupted_PassesHeldChunkOnWithoutDelay()
    {
        var time = new RecordingTimeProvider();
        var (stub, input, output, interrupt) = TestToxics.Stub(time);
        var run = new LatencyToxic(new LatencyAttributes(TimeSpan.FromSeconds(10), TimeSpan.Zero)).PipeAsync(stub);

        input.Writer.TryWrite(TestToxics.Chunk(time, 7));
        await time.NextTimerAsync(Bounded);
        await interrupt.CancelAsync();
        await run.WaitAsync(Bounded);

        // After an interrupt, writes are kept aside for the next chain generation rather than dropped.
        var passedOn = output.Reader.TryRead(out var chunk) ? chunk : stub.Spilled.Single();
        Assert.That(passedOn.Data.ToArray(), Is.EqualTo(new byte[] { 7 }));
    }

    [TestCase(long.MaxValue, 0L)]
    [TestCase(long.MaxValue, long.MaxValue)]
    [TestCase(3_000_000_000L, 3_000_000_000L)]
    public async Task LatencyToxic_HugeValues_TimerCappedBelowWhatRealTimersAcceptAndInterruptPassesChunk(long latency, long jitter)
    {
        var time = new RecordingTimeProvider();
        var (stub, input, output, interrupt) = TestToxics.Stub(time, seed: 9);
        var wire = WireAttributes.Create(LatencyAttributes.Schema, TestToxics.Attributes(("latency", latency), ("jitter", jitter)));
        var run = new LatencyToxic(LatencyAttributes.From(wire)).PipeAsync(stub);

        input.Writer.TryWrite(TestToxics.Chunk(time, 7));
        var timer = await time.NextTimerAsync(Bounded);
        await interrupt.CancelAsync();
        await run.WaitAsync(Bounded);

        // System timers throw above 0xFFFFFFFE ms (~49.7 days); the cap is 24 days per wait.
        Assert.That(timer, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(WireTime.Longest));
        var passedOn = output.Reader.TryRead(out var chunk) ? chunk : stub.Spilled.Single();
        Assert.That(passedOn.Data.ToArray(), Is.EqualTo(new byte[] { 7 }));
    }

    [TestCase(100, 50)]
    [TestCase(20, 5)]
    public async Task LatencyToxic_WithJitter_DelayStaysWithinBoundsAndRepeatsWithSeed(int latency, int jitter)
    {
        var first = await DrawDelaysAsync(latency, jitter, seed: 42);
        var second = await DrawDelaysAsync(latency, jitter, seed: 42);
        var other = await DrawDelaysAsync(latency, jitter, seed: 43);

        Assert.That(first, Is.EqualTo(second));
        Assert.That(first, Is.Not.EqualTo(other));
        Assert.That(first, Is.All.InRange(latency - jitter, latency + jitter - 1));
    }

    private static async Task<List<double>> DrawDelaysAsync(int latency, int jitter, int seed)
    {
        var time = new RecordingTimeProvider();
        var (stub, input, output, _) = TestToxics.Stub(time, seed);
        _ = new LatencyToxic(new LatencyAttributes(TimeSpan.FromMilliseconds(latency), TimeSpan.FromMilliseconds(jitter))).PipeAsync(stub);
        var delays = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            input.Writer.TryWrite(TestToxics.Chunk(time, (byte)i));
            var due = await time.NextTimerAsync(Bounded);
            delays.Add(due.TotalMilliseconds);
            time.Advance(due);
            await TestToxics.ReadAsync(output.Reader);
        }
        return delays;
    }
}

using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class LimitDataToxicTests
{
    [Test]
    public async Task LimitData_ChunkCrossesLimit_TruncatedToRemainderThenStreamEnds()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LimitDataToxic.Kind, Attributes(("bytes", 10)));
        var (stub, input, output, _) = StubFor(toxic, time);
        var run = toxic.PipeAsync(stub);

        input.Writer.TryWrite(Chunk(time, new byte[6]));
        input.Writer.TryWrite(Chunk(time, new byte[10]));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(Drain(output.Reader).Select(c => c.Data.Length), Is.EqualTo(new[] { 6, 4 }));
        Assert.That(stub.IsClosed, Is.True);
    }

    [Test]
    public async Task LimitData_ZeroBytes_IdleStaysOpenNextChunkDroppedAndClosed()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LimitDataToxic.Kind, Attributes(("bytes", 0)));
        var (stub, input, output, _) = StubFor(toxic, time);
        var run = toxic.PipeAsync(stub);
        await Task.Yield();
        Assert.That(stub.IsClosed, Is.False);

        input.Writer.TryWrite(Chunk(time, 1));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(stub.IsClosed, Is.True);
        Assert.That(output.Reader.TryRead(out _), Is.False);
    }

    [Test]
    public async Task LimitData_Restarted_CountSurvivesOnTheLink()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(LimitDataToxic.Kind, Attributes(("bytes", 10)));
        var state = ((IStatefulToxic)toxic).CreateState();
        var (first, input, _, interrupt) = Stub(time, state: state);
        var run = toxic.PipeAsync(first);
        input.Writer.TryWrite(Chunk(time, new byte[7]));
        while (input.Reader.Count > 0)
            await Task.Yield();
        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        var (second, input2, output2, _) = Stub(time, state: state);
        var rerun = toxic.PipeAsync(second);
        input2.Writer.TryWrite(Chunk(time, new byte[7]));
        await rerun.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That((await ReadAsync(output2.Reader)).Data.Length, Is.EqualTo(3));
        Assert.That(second.IsClosed, Is.True);
    }

    [Test]
    public async Task LimitData_LoweredToLongMinValueAfterSomeBytes_ForwardsNothingMore()
    {
        // Issue 11 item 4: long.MinValue minus the count wrapped to a huge remainder and let the next chunk through.
        var time = new SteppingTimeProvider();
        var generous = Create(LimitDataToxic.Kind, Attributes(("bytes", 10)));
        var state = ((IStatefulToxic)generous).CreateState();
        var (first, input, _, interrupt) = Stub(time, state: state);
        var run = generous.PipeAsync(first);
        input.Writer.TryWrite(Chunk(time, new byte[7]));
        while (input.Reader.Count > 0)
            await Task.Yield();
        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        var lowered = Create(LimitDataToxic.Kind, Attributes(("bytes", long.MinValue)));
        var (second, input2, output2, _) = Stub(time, state: state);
        var rerun = lowered.PipeAsync(second);
        input2.Writer.TryWrite(Chunk(time, new byte[7]));
        await rerun.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(output2.Reader.TryRead(out _), Is.False);
        Assert.That(second.IsClosed, Is.True);
    }
}

using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class BandwidthToxicTests
{
    [Test]
    public async Task Bandwidth_20000BytesAtRate10_PiecesOf1000Every100MsTwoSecondsInAll()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(BandwidthToxic.Kind, Attributes(("rate", 10)));
        var (stub, input, output, _) = StubFor(toxic, time);
        input.Writer.TryWrite(Chunk(time, new byte[20_000]));
        input.Writer.Complete();
        var start = time.GetUtcNow();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        Assert.That(Drain(output.Reader).Select(c => c.Data.Length).ToList(), Has.Count.EqualTo(20).And.All.EqualTo(1000));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Bandwidth_ManySmallChunks_LongRunRateExact()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(BandwidthToxic.Kind, Attributes(("rate", 3)));
        var (stub, input, output, _) = StubFor(toxic, time);
        for (var i = 0; i < 300; i++)
            input.Writer.TryWrite(Chunk(time, new byte[7]));
        input.Writer.Complete();
        var start = time.GetUtcNow();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        // 2100 bytes at 3000 B/s = 700 ms; 7/3 ms per chunk is fractional and timers round to whole ms.
        Assert.That(Bytes(Drain(output.Reader)), Has.Length.EqualTo(2100));
        Assert.That((time.GetUtcNow() - start).TotalMilliseconds, Is.EqualTo(700).Within(2));
    }

    [Test]
    public async Task Bandwidth_RateZero_StallsUntilInterruptedThenHandsDataOn()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(BandwidthToxic.Kind, Attributes(("rate", 0)));
        var (stub, input, output, interrupt) = StubFor(toxic, time);
        var run = toxic.PipeAsync(stub);
        input.Writer.TryWrite(Chunk(time, 1, 2, 3));
        while (input.Reader.Count > 0)
            await Task.Yield();
        time.Advance(TimeSpan.FromHours(1));
        Assert.That(output.Reader.TryRead(out _), Is.False);

        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(stub.Spilled.Single().Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }
}

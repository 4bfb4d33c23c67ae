using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class TimeoutToxicTests
{
    [Test]
    public async Task Timeout_DataKeepsArriving_IdleTimerRestartsAndClosesAfterLastChunk()
    {
        var time = new SteppingTimeProvider();
        var connection = new FakeConnection();
        var toxic = Create(TimeoutToxic.Kind, Attributes(("timeout", 500)));
        var (stub, input, output, _) = StubFor(toxic, time, connection: connection);
        var run = toxic.PipeAsync(stub);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            time.Advance(TimeSpan.FromMilliseconds(200));
            input.Writer.TryWrite(Chunk(time, (byte)i));
        }
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(500)), "restarted by the last chunk");
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(connection.Closes, Is.Zero);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(connection.Closes, Is.EqualTo(1));
        Assert.That(output.Reader.TryRead(out _), Is.False, "timeout discards by design");
    }

    [Test]
    public async Task Timeout_Zero_DropsWithoutTimerAndCleanupClosesConnection()
    {
        var time = new SteppingTimeProvider();
        var connection = new FakeConnection();
        var toxic = Create(TimeoutToxic.Kind, Attributes(("timeout", 0)));
        var (stub, input, output, interrupt) = StubFor(toxic, time, connection: connection);
        var run = toxic.PipeAsync(stub);
        input.Writer.TryWrite(Chunk(time, 1));
        while (input.Reader.Count > 0)
            await Task.Yield();

        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(connection.Closes, Is.Zero);
        ((ICleanupToxic)toxic).Cleanup(connection);

        Assert.That(connection.Closes, Is.EqualTo(1));
        Assert.That(output.Reader.TryRead(out _), Is.False);
    }
}

using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class SlowCloseToxicTests
{
    [Test]
    public async Task SlowClose_SourceEnds_DataAtOnceEndHeldForDelay()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(SlowCloseToxic.Kind, Attributes(("delay", 500)));
        var (stub, input, output, _) = StubFor(toxic, time);
        var run = toxic.PipeAsync(stub);

        input.Writer.TryWrite(Chunk(time, 1, 2));
        Assert.That((await ReadAsync(output.Reader)).Data.ToArray(), Is.EqualTo(new byte[] { 1, 2 }));
        input.Writer.Complete();
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(stub.IsClosed, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(stub.IsClosed, Is.True);
    }
}

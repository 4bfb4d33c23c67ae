using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class ConnectPhaseToxicTests
{
    [TestCase(1, 1)]
    [TestCase(0, 0)]
    public void Refuse_AtAccept_ClosesWithRstUnlessAskedForFin(long rst, int lingerCalls)
    {
        var connection = new FakeConnection();
        var refuse = Instance(RefuseToxic.Kind, Direction.Upstream, Attributes(("rst", rst)));

        Assert.That(ConnectionAdmission.Admit([refuse], 1, connection), Is.Empty);
        Assert.That(connection.Closes, Is.EqualTo(1));
        Assert.That(connection.LingerZeroCalls, Is.EqualTo(lingerCalls));
    }

    [Test]
    public void Refuse_ToxicityZero_LetsConnectionThrough()
    {
        var connection = new FakeConnection();
        ConnectionAdmission.Admit([Instance(RefuseToxic.Kind, Direction.Upstream, toxicity: 0f)], 1, connection);
        Assert.That(connection.Closes, Is.Zero);
    }

    [Test]
    public void Hang_AtAccept_AsksToHoldTheConnection()
    {
        var connection = new FakeConnection();
        var hang = Instance(HangToxic.Kind, Direction.Downstream);
        var noop = Instance(NoopToxic.Kind, Direction.Downstream);

        Assert.That(ConnectionAdmission.Admit([noop, hang], 1, connection), Is.EqualTo(new[] { hang.Id }));
        Assert.That(connection.Closes, Is.Zero);
    }

    [Test]
    public async Task SlowOpen_FirstChunkHeldForDelay_LaterChunksAndRestartsNotDelayed()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(SlowOpenToxic.Kind, Attributes(("delay", 300)));
        var state = ((IStatefulToxic)toxic).CreateState();
        var (stub, input, output, interrupt) = Stub(time, state: state);
        var run = toxic.PipeAsync(stub);

        input.Writer.TryWrite(Chunk(time, 1));
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        input.Writer.TryWrite(Chunk(time, 2));
        Assert.That(output.Reader.TryRead(out _), Is.False);
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.That(Bytes([await ReadAsync(output.Reader), await ReadAsync(output.Reader)]), Is.EqualTo(new byte[] { 1, 2 }));
        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        var (again, input2, output2, _) = Stub(time, state: state);
        _ = toxic.PipeAsync(again);
        input2.Writer.TryWrite(Chunk(time, 3));
        Assert.That((await ReadAsync(output2.Reader)).Data.ToArray(), Is.EqualTo(new byte[] { 3 }), "opened once per link");
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    public async Task CutAfter_TrafficFlowing_ConnectionClosedAtDeadline(long rst, int lingerCalls)
    {
        var time = new SteppingTimeProvider();
        var connection = new FakeConnection();
        var toxic = Create(CutAfterToxic.Kind, Attributes(("after", 1000), ("rst", rst)));
        var (stub, input, output, _) = StubFor(toxic, time, connection: connection);
        var run = toxic.PipeAsync(stub);

        for (var i = 0; i < 4; i++)
        {
            await time.NextTimerAsync();
            time.Advance(TimeSpan.FromMilliseconds(200));
            input.Writer.TryWrite(Chunk(time, (byte)i));
            await ReadAsync(output.Reader);
        }
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(200)), "the deadline does not move with traffic");
        time.Advance(TimeSpan.FromMilliseconds(200));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(connection.Closes, Is.EqualTo(1));
        Assert.That(connection.LingerZeroCalls, Is.EqualTo(lingerCalls));
    }
}

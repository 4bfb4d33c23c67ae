using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class ResetPeerToxicTests
{
    [Test]
    public async Task ResetPeer_FirstChunk_DiscardedAndStreamEndsAfterTimeout()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(ResetPeerToxic.Kind, Attributes(("timeout", 300)));
        var (stub, input, output, _) = StubFor(toxic, time);
        var run = toxic.PipeAsync(stub);

        input.Writer.TryWrite(Chunk(time, 1));
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        time.Advance(TimeSpan.FromMilliseconds(300));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(stub.IsClosed, Is.True);
        Assert.That(output.Reader.TryRead(out _), Is.False, "the triggering chunk is discarded");
    }

    [Test]
    public async Task ResetPeer_InterruptedWhileWaiting_PassesChunkOnAndKeepsDeadline()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(ResetPeerToxic.Kind, Attributes(("timeout", 300)));
        var state = ((IStatefulToxic)toxic).CreateState();
        var (stub, input, _, interrupt) = Stub(time, state: state);
        var run = toxic.PipeAsync(stub);
        input.Writer.TryWrite(Chunk(time, 9));
        await time.NextTimerAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        await interrupt.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(stub.Spilled.Single().Data.ToArray(), Is.EqualTo(new byte[] { 9 }));

        // The next chain run (e.g. after an update) resets at the original deadline, not 300 ms later.
        var (again, _, _, _) = Stub(time, state: state);
        var rerun = toxic.PipeAsync(again);
        Assert.That(await time.NextTimerAsync(), Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        time.Advance(TimeSpan.FromMilliseconds(200));
        await rerun.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(again.IsClosed, Is.True);
    }

    [TestCase(1f, 1)]
    [TestCase(0f, 0)]
    public void ResetPeer_AtAccept_SetsLingerOnlyWhenItApplies(float toxicity, int expectedLingerCalls)
    {
        var connection = new FakeConnection();
        var toxic = Instance(ResetPeerToxic.Kind, Direction.Downstream, Attributes(("timeout", 10)), toxicity: toxicity);

        var holds = ConnectionAdmission.Admit([toxic], connectionSeed: 5, connection);

        Assert.That(holds, Is.Empty);
        Assert.That(connection.LingerZeroCalls, Is.EqualTo(expectedLingerCalls));
    }

    [Test]
    public void ResetPeer_HalfToxicity_AcceptDecisionMatchesTheLinksOwnDraw()
    {
        var toxic = Instance(ResetPeerToxic.Kind, Direction.Upstream, Attributes(("timeout", 10)), toxicity: 0.5f);
        for (long seed = 0; seed < 64; seed++)
        {
            var connection = new FakeConnection();
            ConnectionAdmission.Admit([toxic], seed, connection);
            var linkDraw = LinkToxicState.Create(toxic, LinkSeed.For(seed, Direction.Upstream)).EnsureDrawn(toxic);
            Assert.That(connection.LingerZeroCalls == 1, Is.EqualTo(linkDraw), $"connection seed {seed}");
        }
    }
}

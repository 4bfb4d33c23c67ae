using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;

namespace Probes.Tests.WebSockets;

public sealed class EchoTrackerTests
{
    private static readonly SampleTags Warmup = new("ws", "warmup");
    private static readonly SampleTags Impaired = new("ws", "impaired");

    [Test]
    public void Next_PayloadHasRequestedSizeAndIsUnique()
    {
        var tracker = new EchoTracker(client: 3, payloadBytes: 32);
        var first = tracker.Next(10, Warmup);
        var second = tracker.Next(20, Warmup);
        Assert.That(first, Has.Length.EqualTo(32));
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void TryComplete_RepliesOutOfOrder_EachMatchesItsOwnSend()
    {
        var tracker = new EchoTracker(client: 0, payloadBytes: 8);
        var first = tracker.Next(100, Warmup);
        var second = tracker.Next(200, Impaired);

        Assert.That(tracker.TryComplete(second, out var secondSent, out var secondTags), Is.True);
        Assert.That(tracker.TryComplete(first, out var firstSent, out var firstTags), Is.True);
        Assert.That((firstSent, secondSent), Is.EqualTo((100L, 200L)));
        Assert.That((firstTags, secondTags), Is.EqualTo((Warmup, Impaired)), "a round trip keeps the phase it was sent in");
        Assert.That(tracker.TryComplete(first, out _, out _), Is.False, "a repeated reply is not a second round trip");
        Assert.That(tracker.TryComplete("{\"seq\":1}"u8, out _, out _), Is.False);
    }
}

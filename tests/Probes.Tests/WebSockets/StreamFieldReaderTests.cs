using System.Text;
using Harness.Probes.WebSockets;

namespace Probes.Tests.WebSockets;

public sealed class StreamFieldReaderTests
{
    [TestCase("""{"type":"frame","seq":42,"ts":1767225600123.25,"payload":"x"}""", 42L, 1767225600123.25)]
    [TestCase("""{"nested":{"seq":9,"ts":1},"list":[1,{"seq":3}],"seq":5}""", 5L, null)]
    [TestCase("""{"ts":7,"seq":-1}""", -1L, 7d)]
    public void TryRead_TopLevelFields_Found(string json, long seq, double? ts)
    {
        var reader = new StreamFieldReader(new WebSocketStreamCheck());
        Assert.That(reader.TryRead(Encoding.UTF8.GetBytes(json), out var s, out var t), Is.True);
        Assert.That((s, t), Is.EqualTo((seq, ts)));
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{"seq":"5"}""")]
    [TestCase("""{"seq":1.5}""")]
    [TestCase("""{"other":1}""")]
    [TestCase("""{"seq":1""")]
    public void TryRead_NoIntegerSequence_False(string json)
    {
        var reader = new StreamFieldReader(new WebSocketStreamCheck());
        Assert.That(reader.TryRead(Encoding.UTF8.GetBytes(json), out _, out _), Is.False);
    }

    [Test]
    public void TryRead_CustomFieldNames_Used()
    {
        var reader = new StreamFieldReader(new WebSocketStreamCheck { SequenceField = "n", TimestampField = null });
        Assert.That(reader.TryRead("""{"seq":1,"n":2,"ts":3}"""u8, out var seq, out var ts), Is.True);
        Assert.That((seq, ts), Is.EqualTo((2L, (double?)null)));
    }

    [Test]
    public void TryRead_NestedPaths_Found()
    {
        var reader = new StreamFieldReader(new WebSocketStreamCheck { SequenceField = "data.seq", TimestampField = "meta.sent.ts" });
        Assert.That(reader.TryRead("""{"seq":1,"data":{"seq":7},"meta":{"sent":{"ts":12.5}}}"""u8, out var seq, out var ts), Is.True);
        Assert.That((seq, ts), Is.EqualTo((7L, (double?)12.5)));
    }
}

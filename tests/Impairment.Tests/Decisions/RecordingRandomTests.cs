using Harness.Impairment.Decisions;

namespace Impairment.Tests.Decisions;

public sealed class RecordingRandomTests
{
    [Test]
    public void RecordingRandom_SameSeed_SameValuesAsRandomForEveryDrawToxicsMake()
    {
        var plain = new Random(1234);
        var recording = new RecordingRandom(1234);

        for (var i = 0; i < 50; i++)
        {
            Assert.That(recording.NextSingle(), Is.EqualTo(plain.NextSingle()));
            Assert.That(recording.NextDouble(), Is.EqualTo(plain.NextDouble()));
            Assert.That(recording.Next(-50, 50), Is.EqualTo(plain.Next(-50, 50)));
            Assert.That(recording.Next(1000), Is.EqualTo(plain.Next(1000)));
        }
    }

    [Test]
    public void RecordingRandom_KeepsOnlyTheFirstSamples()
    {
        var recording = new RecordingRandom(7);
        var reference = new Random(7);
        var first = Enumerable.Range(0, 20).Select(_ => recording.NextDouble()).ToArray();

        Assert.That(recording.FirstDraws, Is.EqualTo(first.Take(RecordingRandom.Kept)));
        Assert.That(first, Is.EqualTo(Enumerable.Range(0, 20).Select(_ => reference.NextDouble())));
    }
}

using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

public sealed class SlicerToxicTests
{
    [Test]
    public async Task Slicer_1000BytesAverage100NoVariation_SixteenPiecesOf62Or63EachFollowedByDelay()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(SlicerToxic.Kind, Attributes(("average_size", 100), ("delay", 10_000)));
        var (stub, input, output, _) = StubFor(toxic, time);
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        input.Writer.TryWrite(Chunk(time, data));
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        var pieces = Drain(output.Reader);
        Assert.That(pieces.Select(p => p.Data.Length).ToList(), Has.Count.EqualTo(16).And.All.InRange(62, 63));
        Assert.That(Bytes(pieces), Is.EqualTo(data));
        Assert.That(
            time.Jumps.Aggregate(TimeSpan.Zero, (a, b) => a + b),
            Is.EqualTo(TimeSpan.FromMilliseconds(160)),
            "10 ms after every piece, the last included"
        );
    }

    [Test]
    public async Task Slicer_SubMillisecondDelay_AddsUpExactlyOverManyPieces()
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(SlicerToxic.Kind, Attributes(("average_size", 1), ("delay", 250)));
        var (stub, input, output, _) = StubFor(toxic, time);
        input.Writer.TryWrite(Chunk(time, new byte[400]));
        input.Writer.Complete();
        var start = time.GetUtcNow();

        await time.RunUntilAsync(toxic.PipeAsync(stub));

        Assert.That(Drain(output.Reader), Has.Count.EqualTo(400));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromMilliseconds(100)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [TestCase(10, 10)]
    [TestCase(5, 500)]
    public void SlicerCuts_VariationUpToOrAboveAverage_PiecesNeverEmptyAndCoverTheChunk(int average, int variation)
    {
        var attributes = SlicerAttributes.From(
            WireAttributes.Create(SlicerAttributes.Schema, Attributes(("average_size", average), ("size_variation", variation)))
        );
        var random = new Random(3);
        for (var length = 1; length < 3000; length += 97)
        {
            var cuts = SlicerCuts.Compute(length, attributes.AverageSize, attributes.SizeVariation, random);
            Assert.That(cuts[0], Is.Zero);
            Assert.That(cuts[^1], Is.EqualTo(length));
            Assert.That(cuts.Zip(cuts.Skip(1), (a, b) => b - a), Is.All.InRange(1, attributes.AverageSize + attributes.SizeVariation));
        }
    }
}

using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;
using Impairment.Tests.Support;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

/// <summary>
/// The toxic contract (src/Impairment/Toxics/README.md) checked against every registered type, with attributes
/// that make each one active. A type registered without a row here fails <see cref="Registry_EveryType_HasAContractCase"/>.
/// </summary>
public sealed class ToxicContractTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    // Drops = discarding bytes is the toxic's job, so only "output is a prefix of the input" is required.
    private static readonly (string Type, Dictionary<string, long> Attributes, bool Drops)[] Cases =
    [
        ("noop", [], false),
        ("latency", Attributes(("latency", 50), ("jitter", 20), ("distribution", 2)), false),
        ("bandwidth", Attributes(("rate", 1)), false),
        ("timeout", Attributes(("timeout", 100)), true),
        ("slow_close", Attributes(("delay", 100)), false),
        ("reset_peer", Attributes(("timeout", 100)), true),
        ("slicer", Attributes(("average_size", 3), ("size_variation", 2), ("delay", 1500)), false),
        ("limit_data", Attributes(("bytes", 5000)), true),
        ("loss", Attributes(("probability", 50), ("segment_size", 100)), false),
        ("refuse", [], false),
        ("hang", [], false),
        ("slow_open", Attributes(("delay", 100)), false),
        ("cut_after", Attributes(("after", 60_000)), false),
    ];

    private static IEnumerable<TestCaseData> All() =>
        Cases.Select(c => new TestCaseData(c.Type, c.Attributes, c.Drops).SetArgDisplayNames(c.Type));

    [Test]
    public void Registry_EveryType_HasAContractCase() =>
        Assert.That(DefaultToxics.CreateRegistry().Types, Is.EquivalentTo(Cases.Select(c => c.Type)));

    [TestCaseSource(nameof(All))]
    public async Task Toxic_EndOfStream_ClosesStubAndDropsOnlyByDesign(string type, Dictionary<string, long> attributes, bool drops)
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(Kind(type), attributes);
        var (stub, input, output, _) = StubFor(toxic, time);
        var sent = WriteInput(input.Writer, time);
        input.Writer.Complete();

        await time.RunUntilAsync(toxic.PipeAsync(stub), Bounded);

        Assert.That(stub.IsClosed, Is.True, "the end of the stream must travel on");
        var received = Bytes(Drain(output.Reader));
        if (drops)
            Assert.That(received, Is.EqualTo(sent.Take(received.Length)), "whatever passes is an in-order prefix");
        else
            Assert.That(received, Is.EqualTo(sent));
    }

    [TestCaseSource(nameof(All))]
    public async Task Toxic_InterruptedMidStream_PassesInFlightBytesOnAndReturns(
        string type,
        Dictionary<string, long> attributes,
        bool drops
    )
    {
        var time = new SteppingTimeProvider();
        var toxic = Create(Kind(type), attributes);
        var (stub, input, output, interrupt) = StubFor(toxic, time);
        var sent = WriteInput(input.Writer, time);
        var run = toxic.PipeAsync(stub);

        // Wait until the toxic is busy: holding a chunk on a timer, or having passed something on.
        using var cts = new CancellationTokenSource(Bounded);
        await time.WhenTimerOrAsync(Task.WhenAny(run, output.Reader.WaitToReadAsync(cts.Token).AsTask()), cts.Token);
        await interrupt.CancelAsync();
        await run.WaitAsync(Bounded);

        if (drops)
            return;
        // Nothing lost, nothing doubled: passed on, kept aside for the next chain, or still waiting to enter.
        var everything = Drain(output.Reader).Concat(stub.Spilled).Concat(Drain(input.Reader));
        Assert.That(Bytes(everything), Is.EqualTo(sent));
    }

    private static ToxicKind Kind(string type)
    {
        Assert.That(DefaultToxics.CreateRegistry().TryGet(type, out var kind), Is.True);
        return kind;
    }

    private static byte[] WriteInput(System.Threading.Channels.ChannelWriter<StreamChunk> writer, TimeProvider time)
    {
        var sent = new List<byte>();
        for (var i = 0; i < 3; i++)
        {
            var data = Enumerable.Range(0, 400).Select(b => (byte)(b + i)).ToArray();
            writer.TryWrite(new StreamChunk(data, time.GetUtcNow()));
            sent.AddRange(data);
        }
        return [.. sent];
    }
}

using System.Collections.Immutable;
using System.Threading.Channels;
using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impairment.Tests.Proxying;

public sealed class ToxicLinkTests
{
    [Test]
    public async Task ToxicLink_ChainChangedRepeatedlyWhileStreaming_LosesNoByteAndKeepsOrder()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (link, head, tail) = NewLink(TimeProvider.System, ToxicChain.Empty);
        var running = link.RunAsync();
        const int count = 5000;

        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await head.Writer.WriteAsync(new StreamChunk(BitConverter.GetBytes(i), DateTimeOffset.UtcNow), timeout.Token);
            }
            head.Writer.Complete();
        });
        var changer = Task.Run(async () =>
        {
            var chains = new[]
            {
                Chain(TestToxics.Latency(1)),
                Chain(TestToxics.Latency(1), TestToxics.Latency(0, 1)),
                Chain(TestToxics.Instance(NoopToxic.Kind, Direction.Downstream)),
                ToxicChain.Empty,
                Chain(TestToxics.Instance(BandwidthToxic.Kind, Direction.Downstream, new Dictionary<string, long> { ["rate"] = 100_000 })),
            };
            for (var round = 0; !producer.IsCompleted; round++)
            {
                _ = link.SetChain(chains[round % chains.Length]);
                await Task.Yield();
            }
        });

        var received = new List<int>();
        await foreach (var chunk in tail.Reader.ReadAllAsync(timeout.Token))
            received.Add(BitConverter.ToInt32(chunk.Data.Span));
        await Task.WhenAll(producer, changer, running).WaitAsync(timeout.Token);

        Assert.That(received, Is.EqualTo(Enumerable.Range(0, count)));
    }

    [Test]
    public async Task ToxicLink_StalledToxicRemoved_SetChainReturnsAtOnceAndHeldDataFlows()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stall = TestToxics.Instance(BandwidthToxic.Kind, Direction.Downstream, new Dictionary<string, long> { ["rate"] = 0 });
        var (link, head, tail) = NewLink(TimeProvider.System, Chain(stall));
        var running = link.RunAsync();
        await head.Writer.WriteAsync(new StreamChunk(new byte[] { 1, 2, 3 }, DateTimeOffset.UtcNow), timeout.Token);

        // SetChain is synchronous by design: it only stores the chain and signals the link.
        _ = link.SetChain(ToxicChain.Empty);

        var chunk = await tail.Reader.ReadAsync(timeout.Token);
        Assert.That(chunk.Data.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        head.Writer.Complete();
        await running.WaitAsync(timeout.Token);
    }

    [Test]
    public async Task ToxicLink_TimeoutToxicRemoved_ClosesConnection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var connection = new FakeConnection();
        var cut = TestToxics.Instance(TimeoutToxic.Kind, Direction.Downstream);
        var (link, head, _) = NewLink(TimeProvider.System, Chain(cut), connection);
        var running = link.RunAsync();

        _ = link.SetChain(ToxicChain.Empty);
        await connection.Closed.WaitAsync(timeout.Token);
        head.Writer.Complete();
        await running.WaitAsync(timeout.Token);

        Assert.That(connection.Closes, Is.EqualTo(1));
    }

    private static ToxicChain Chain(params ToxicInstance[] toxics) => new(toxics.ToImmutableArray());

    private static (ToxicLink Link, Channel<StreamChunk> Head, Channel<StreamChunk> Tail) NewLink(
        TimeProvider time,
        ToxicChain chain,
        FakeConnection? connection = null
    )
    {
        var head = LinkSetup.CreateQueue(4);
        var tail = LinkSetup.CreateQueue(4);
        var setup = new LinkSetup(
            Direction.Downstream,
            head.Reader,
            tail.Writer,
            connection ?? new FakeConnection(),
            time,
            7,
            NullLogger.Instance,
            CancellationToken.None
        );
        return (new ToxicLink(setup, chain), head, tail);
    }
}

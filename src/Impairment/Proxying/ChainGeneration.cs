using System.Threading.Channels;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

// How a link changes chains: generations and carry-over (read with ToxicLink.RunAsync and ChainCarryOver.Map).
//
// A link is one direction of one connection. Its two ends outlive every chain change: the Head channel (filled by
// the socket reader) and the Tail channel (emptied by the socket writer). Between them runs one generation at a time:
// a stage per toxic, behind a no-op head stage, joined by bounded queues q1, q2, ...
//
//   socket reader ──► Head                                                         Tail ──► socket writer
//                       │                                                            ▲
//   generation g        ▼                                                            │
//   toxics A, B      [head] ──q1──► [A] ──q2──► [B] ─────────────────────────────────┘
//                       ┆            ┆           ┆
//   API: remove A, add C ──► SetChain stores the new chain and signals; the call returns at once with an
//                            "adopted" task (the engine waits for it, bounded, outside every lock)
//                       ┆            ┆           ┆
//   interrupt g: every stage stops at its next read or wait; a chunk it holds is handed on first (a latency
//   toxic skips the rest of its delay). A write that finds the next queue full is kept aside ("spilled")
//   instead of blocking; the last stage writes to Tail anyway, since the socket writer always drains it.
//   Then CollectPending() lists, for each old stage k, what was waiting to enter it, oldest first:
//
//       p0 = head's carried-over prefix                      (Head itself is left as it is: g+1 reads on)
//       p1 = A's prefix, then q1's chunks, then what head spilled
//       p2 = B's prefix, then q2's chunks, then what A spilled
//
//   a chunk in p(k) has been through old stages 0..k-1 and not yet through k. ChainCarryOver.Map gives it to
//   the first new stage that was old stage k or later (kept toxics keep their order; added ones count as later),
//   or, when there is none, straight to Tail before g+1 starts:
//
//       new stage   old index     receives
//       head        0             p0
//       B           2             p2, then p1      (A is gone: its input re-enters at B)
//       C (new)     none → ∞      nothing here; it sees those chunks once B passes them on
//
//   generation g+1                prefix: p0        prefix: p2, p1
//   toxics B, C      [head] ──q1'──────────► [B] ──q2'──► [C] ──────────────────────────► Tail
//
// Why nothing is lost or reordered: every pending chunk lands in exactly one prefix or on Tail; Map walks the old
// stages from the last to the first, and later stages hold older bytes, so each prefix is filled oldest first; a
// stage reads its whole prefix before its new queue; chunks for Tail are written before g+1 produces anything.
// Per link, a toxic keeps its random source and state across generations by id (its toxicity is drawn again only
// when the toxic itself was updated); an updated toxic keeps its place; a removed one is cleaned up (CleanUpRemoved).

/// <summary>
/// One run of a chain on a link: a stage per toxic (behind a hidden no-op head), joined by bounded queues. It is
/// stopped by interrupting every stage at once; afterwards <see cref="CollectPending"/> returns, per stage, the
/// chunks that were waiting to enter it, in stream order, so the next generation can carry on without loss.
/// </summary>
internal sealed class ChainGeneration : IDisposable
{
    private readonly CancellationTokenSource _interrupt;
    private readonly ToxicStub[] _stubs;
    private readonly Channel<StreamChunk>?[] _inputs;

    private ChainGeneration(CancellationTokenSource interrupt, ToxicStub[] stubs, Channel<StreamChunk>?[] inputs, Task completion)
    {
        _interrupt = interrupt;
        _stubs = stubs;
        _inputs = inputs;
        Completion = completion;
    }

    public Task Completion { get; }

    /// <summary>True when the last stage ended the stream, i.e. nothing is left to carry over.</summary>
    public bool TailClosed => _stubs[^1].IsClosed;

    public static ChainGeneration Start(
        LinkSetup link,
        IReadOnlyList<ChainStage> stages,
        IReadOnlyList<IReadOnlyList<StreamChunk>> prefixes
    )
    {
        var interrupt = CancellationTokenSource.CreateLinkedTokenSource(link.Abort);
        var count = stages.Count;
        var inputs = new Channel<StreamChunk>?[count];
        for (var k = 1; k < count; k++)
        {
            inputs[k] = LinkSetup.CreateQueue((stages[k].Toxic as IBufferedToxic)?.BufferSize ?? LinkSetup.DefaultQueueCapacity);
        }

        var stubs = new ToxicStub[count];
        var tasks = new Task[count];
        for (var k = 0; k < count; k++)
        {
            var input = k == 0 ? link.Head : inputs[k]!.Reader;
            var output = k == count - 1 ? link.Tail : inputs[k + 1]!.Writer;
            var wiring = new StubWiring(k < prefixes.Count ? prefixes[k] : [], k < count - 1, interrupt.Token, link.Abort);
            stubs[k] = new ToxicStub(stages[k].Context, input, output, wiring);
        }
        for (var k = 0; k < count; k++)
        {
            tasks[k] = RunStageAsync(stages[k], stubs[k], link);
        }
        return new ChainGeneration(interrupt, stubs, inputs, Task.WhenAll(tasks));
    }

    public void Interrupt() => _interrupt.Cancel();

    /// <summary>Only after <see cref="Completion"/>: index k holds what was waiting to enter stage k.</summary>
    public List<StreamChunk>[] CollectPending()
    {
        var pending = new List<StreamChunk>[_stubs.Length];
        for (var k = 0; k < _stubs.Length; k++)
        {
            // Oldest first: carried-over chunks, then the queue, then what the previous stage could not hand over.
            var group = new List<StreamChunk>(_stubs[k].DrainPrefix());
            if (k > 0)
            {
                while (_inputs[k]!.Reader.TryRead(out var chunk))
                    group.Add(chunk);
                group.AddRange(_stubs[k - 1].Spilled);
            }
            pending[k] = group;
        }
        return pending;
    }

    public void Dispose() => _interrupt.Dispose();

    private static async Task RunStageAsync(ChainStage stage, ToxicStub stub, LinkSetup link)
    {
        await Task.Yield();
        try
        {
            await stage.Toxic.PipeAsync(stub).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ImpairmentLog.ToxicFailed(link.Logger, stage.Name, link.Direction, ex);
            // What the toxic held goes on before anything newer, so the failure costs no byte.
            if (!stub.IsClosed)
                await stub.ForwardUnwrittenAsync().ConfigureAwait(false);
        }
        // A toxic that gave up early must not stall the stream: the rest passes through untouched.
        if (!stub.IsInterrupted && !stub.IsClosed)
        {
            await NoopToxic.PassThroughAsync(stub).ConfigureAwait(false);
        }
    }
}

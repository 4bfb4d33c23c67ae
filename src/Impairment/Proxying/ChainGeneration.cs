using System.Threading.Channels;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

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

    public static ChainGeneration Start(LinkSetup link, IReadOnlyList<ChainStage> stages, IReadOnlyList<IReadOnlyList<StreamChunk>> prefixes)
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
                while (_inputs[k]!.Reader.TryRead(out var chunk)) group.Add(chunk);
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
            if (!stub.IsClosed) await stub.ForwardUnwrittenAsync().ConfigureAwait(false);
        }
        // A toxic that gave up early must not stall the stream: the rest passes through untouched.
        if (!stub.IsInterrupted && !stub.IsClosed)
        {
            await NoopToxic.PassThroughAsync(stub).ConfigureAwait(false);
        }
    }
}

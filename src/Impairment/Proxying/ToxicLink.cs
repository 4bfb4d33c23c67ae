using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// One direction of one connection. A supervisor runs the current chain as a <see cref="ChainGeneration"/>; when a
/// new chain is published it interrupts every stage, collects the chunks in flight and starts the new chain with
/// those chunks re-entering at the matching positions. <see cref="SetChain"/> only stores and signals, so the API
/// never waits for the data plane (the real server's removal deadlock cannot happen here).
/// </summary>
internal sealed class ToxicLink
{
    private readonly LinkSetup _setup;
    private readonly AsyncSignal _changed = new();
    private readonly Dictionary<long, LinkToxicState> _states = [];
    private readonly StubContext _headContext;
    private readonly object _gate = new();
    private ToxicChain _latest;
    private TaskCompletionSource? _adoption;

    public ToxicLink(LinkSetup setup, ToxicChain initial)
    {
        _setup = setup;
        _latest = initial;
        _headContext = new StubContext(setup.Time, new Random(0), null, setup.Connection);
    }

    /// <summary>
    /// Publishes a chain and returns at once; the task completes when the link runs it (or has ended), so a caller
    /// may wait for adoption with its own bound without ever being tied to traffic.
    /// </summary>
    public Task SetChain(ToxicChain chain)
    {
        Task adopted;
        lock (_gate)
        {
            _latest = chain;
            _setup.Direct?.Publish(chain);
            _adoption ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            adopted = _adoption.Task;
        }
        _changed.Set();
        return adopted;
    }

    public async Task RunAsync()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _setup.Abort.Register(() => aborted.TrySetResult());
        var chain = TakeLatest(out var adoption);
        var stages = BuildStages(chain);
        IReadOnlyList<IReadOnlyList<StreamChunk>> prefixes = [];
        try
        {
            while (true)
            {
                _setup.Direct?.Adopted(chain);
                using var generation = ChainGeneration.Start(_setup, stages, prefixes);
                adoption?.TrySetResult();
                var woke = await Task.WhenAny(generation.Completion, _changed.WaitAsync(), aborted.Task).ConfigureAwait(false);
                generation.Interrupt();
                await generation.Completion.ConfigureAwait(false);
                if (woke == generation.Completion || _setup.Abort.IsCancellationRequested || generation.TailClosed)
                {
                    return;
                }

                _changed.Reset();
                var next = TakeLatest(out adoption);
                var nextStages = BuildStages(next);
                var (carried, toTail) = ChainCarryOver.Map(stages, nextStages, generation.CollectPending());
                CleanUpRemoved(chain, next);
                if (!await WriteToTailAsync(toTail).ConfigureAwait(false))
                    return;
                (chain, stages, prefixes) = (next, nextStages, carried);
            }
        }
        finally
        {
            // A link that ended runs no chain at all; nobody may wait for it.
            adoption?.TrySetResult();
            TakeLatest(out var pending);
            pending?.TrySetResult();
        }
    }

    private ToxicChain TakeLatest(out TaskCompletionSource? adoption)
    {
        lock (_gate)
        {
            adoption = _adoption;
            _adoption = null;
            return _latest;
        }
    }

    private List<ChainStage> BuildStages(ToxicChain chain)
    {
        var stages = new List<ChainStage>(chain.Toxics.Length + 1) { new(0, "(head)", NoopToxic.Instance, _headContext) };
        foreach (var toxic in chain.Toxics)
        {
            if (!_states.TryGetValue(toxic.Id, out var state))
            {
                state = LinkToxicState.Create(toxic, _setup.Seed);
                _states.Add(toxic.Id, state);
                _setup.Decisions?.Add(_setup.ConnectionId, _setup.Direction, toxic.State.Name, state.EnsureDrawn(toxic), state.Random);
            }
            var context = new StubContext(_setup.Time, state.Random, state.State, _setup.Connection);
            var effective = state.EnsureDrawn(toxic) ? toxic.Toxic : NoopToxic.Instance;
            stages.Add(new ChainStage(toxic.Id, toxic.State.Name, effective, context));
        }
        return stages;
    }

    private void CleanUpRemoved(ToxicChain previous, ToxicChain next)
    {
        foreach (var gone in previous.Toxics.Where(t => !next.Toxics.Any(n => n.Id == t.Id)))
        {
            if (_states.Remove(gone.Id, out var state) && state.Enabled && gone.Toxic is ICleanupToxic cleanup)
            {
                cleanup.Cleanup(_setup.Connection);
            }
        }
    }

    private async Task<bool> WriteToTailAsync(List<StreamChunk> chunks)
    {
        try
        {
            foreach (var chunk in chunks)
                await _setup.Tail.WriteAsync(chunk, _setup.Abort).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            return false;
        }
    }
}

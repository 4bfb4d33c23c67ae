using System.Diagnostics;
using System.Threading.Channels;
using Harness.Impairment.Streams;
using Harness.Impairment.Timing;

namespace Harness.Impairment.Toxics;

/// <summary>
/// A toxic's view of its place in one link: input, output, interrupt, clock, randomness and per-link state.
/// Interrupting never blocks anybody: after an interrupt, writes that would wait are kept aside (spilled) and the
/// link hands them to the next chain generation in order, so an API change loses no byte and waits for no toxic.
/// </summary>
internal sealed class ToxicStub
{
    private readonly Queue<StreamChunk> _prefix;
    private readonly ChannelReader<StreamChunk> _input;
    private readonly ChannelWriter<StreamChunk> _output;
    private readonly bool _spillOnInterrupt;
    private readonly CancellationToken _abort;
    private readonly List<StreamChunk> _spill = [];
    private StreamChunk? _inHand;
    private int _inHandWritten;

    public ToxicStub(StubContext context, ChannelReader<StreamChunk> input, ChannelWriter<StreamChunk> output, StubWiring wiring)
    {
        Context = context;
        _input = input;
        _output = output;
        _prefix = new Queue<StreamChunk>(wiring.Prefix);
        _spillOnInterrupt = wiring.SpillOnInterrupt;
        Interrupt = wiring.Interrupt;
        _abort = wiring.Abort;
    }

    public StubContext Context { get; }

    public TimeProvider Time => Context.Time;

    public Random Random => Context.Random;

    public object? State => Context.State;

    public IConnectionControl Connection => Context.Connection;

    /// <summary>Cancelled when the chain changes or the connection is aborted; every wait must observe it.</summary>
    public CancellationToken Interrupt { get; }

    public bool IsInterrupted => Interrupt.IsCancellationRequested;

    /// <summary>True once the toxic has ended its output (end of stream passed this stage).</summary>
    public bool IsClosed { get; private set; }

    internal IReadOnlyList<StreamChunk> Spilled => _spill;

    internal IEnumerable<StreamChunk> DrainPrefix()
    {
        while (_prefix.TryDequeue(out var chunk))
            yield return chunk;
    }

    public ValueTask<StubRead> ReadAsync() => Hold(ReadNextAsync());

    /// <summary>Like <see cref="ReadAsync()"/>, but gives up after <paramref name="timeout"/> (idle timers).</summary>
    public ValueTask<StubRead> ReadAsync(TimeSpan timeout) => Hold(ReadNextAsync(timeout));

    /// <summary>
    /// After the toxic failed: the part of the last chunk it read that it has not written yet goes on unchanged, so
    /// the failure loses no byte. Toxics hold one chunk at a time (README rule 2), so this is all it can hold.
    /// </summary>
    internal async ValueTask ForwardUnwrittenAsync()
    {
        if (_inHand is not { } held)
            return;
        _inHand = null;
        if (_inHandWritten < held.Data.Length)
            await WriteAsync(held with { Data = held.Data[_inHandWritten..] }).ConfigureAwait(false);
    }

    // A read that completed at once (data was queued) is held without another state machine. Result is read only
    // once IsCompletedSuccessfully said it is there, so it never blocks (the one allowed use of the banned symbol).
#pragma warning disable RS0030
    private ValueTask<StubRead> Hold(ValueTask<StubRead> pending) =>
        pending.IsCompletedSuccessfully ? new(Hold(pending.Result)) : HoldAsync(pending);
#pragma warning restore RS0030

    private async ValueTask<StubRead> HoldAsync(ValueTask<StubRead> pending) => Hold(await pending.ConfigureAwait(false));

    private StubRead Hold(StubRead read)
    {
        if (read.Kind == StubReadKind.Chunk)
        {
            _inHand = read.Chunk;
            _inHandWritten = 0;
        }
        return read;
    }

    private async ValueTask<StubRead> ReadNextAsync()
    {
        while (true)
        {
            if (IsInterrupted)
                return StubRead.Interrupted;
            if (TryTake(out var chunk))
            {
                if (!ChunkBarrier.IsBarrier(chunk))
                    return new StubRead(StubReadKind.Chunk, chunk);
                await ForwardAsync(chunk).ConfigureAwait(false);
                continue;
            }
            try
            {
                if (!await _input.WaitToReadAsync(Interrupt).ConfigureAwait(false))
                    return StubRead.EndOfStream;
            }
            catch (OperationCanceledException) when (IsInterrupted)
            {
                return StubRead.Interrupted;
            }
        }
    }

    private async ValueTask<StubRead> ReadNextAsync(TimeSpan timeout)
    {
        // The timers are made only when the read has to wait.
        CancellationTokenSource? timer = null;
        CancellationTokenSource? linked = null;
        try
        {
            while (true)
            {
                if (IsInterrupted)
                    return StubRead.Interrupted;
                if (TryTake(out var chunk))
                {
                    if (!ChunkBarrier.IsBarrier(chunk))
                        return new StubRead(StubReadKind.Chunk, chunk);
                    await ForwardAsync(chunk).ConfigureAwait(false);
                    continue;
                }
                timer ??= new CancellationTokenSource(timeout, Time);
                linked ??= CancellationTokenSource.CreateLinkedTokenSource(Interrupt, timer.Token);
                try
                {
                    if (!await _input.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                        return StubRead.EndOfStream;
                }
                catch (OperationCanceledException) when (IsInterrupted)
                {
                    return StubRead.Interrupted;
                }
                catch (OperationCanceledException) when (timer.IsCancellationRequested)
                {
                    return StubRead.TimedOut;
                }
            }
        }
        finally
        {
            linked?.Dispose();
            timer?.Dispose();
        }
    }

    // Carried-over chunks come before the queue.
    private bool TryTake(out StreamChunk chunk) => _prefix.TryDequeue(out chunk) || _input.TryRead(out chunk);

    /// <summary>Forwards a chunk. Never loses it: once interrupted it is spilled (or, at the tail, written anyway).</summary>
    public ValueTask WriteAsync(StreamChunk chunk)
    {
        if (_inHand is { } held)
        {
            _inHandWritten += chunk.Data.Length;
            if (_inHandWritten >= held.Data.Length)
                _inHand = null;
        }
        return ForwardAsync(chunk);
    }

    // Barriers (a link's flush markers) go on this way too, in order, never shown to the toxic.
    private ValueTask ForwardAsync(StreamChunk chunk)
    {
        if (IsInterrupted)
        {
            return WriteAfterInterruptAsync(chunk);
        }
        return _output.TryWrite(chunk) ? ValueTask.CompletedTask : WriteSlowAsync(chunk);
    }

    /// <summary>
    /// Waits for <paramref name="delay"/> (infinite = until interrupted), at most <see cref="WireTime.Longest"/> per
    /// call (timers reject longer waits; <see cref="DelayUntilAsync"/> loops); false when cut short by an interrupt.
    /// On the system clock the wait is precise (<see cref="DelayScheduler"/>); any other clock's own timers are used,
    /// so fake time drives toxics in tests.
    /// </summary>
    public async ValueTask<bool> DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
            return !IsInterrupted;
        if (delay != Timeout.InfiniteTimeSpan && IsSystemClock)
        {
            var due = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(delay < WireTime.Longest ? delay : WireTime.Longest);
            return await DelayScheduler.Shared.WaitUntilAsync(due, Interrupt).ConfigureAwait(false) && !IsInterrupted;
        }
        try
        {
            // Timers truncate to whole milliseconds; rounding up keeps a delay from ending early.
            var wait =
                delay == Timeout.InfiniteTimeSpan ? delay
                : delay >= WireTime.Longest ? WireTime.Longest
                : TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
            await Task.Delay(wait, Time, Interrupt).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (IsInterrupted)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until the clock reaches <paramref name="due"/>; false when interrupted. Loops because system timers
    /// tick coarsely and can fire a little before the requested time.
    /// </summary>
    public async ValueTask<bool> DelayUntilAsync(DateTimeOffset due)
    {
        TimeSpan remaining;
        while ((remaining = due - Time.GetUtcNow()) > TimeSpan.Zero)
        {
            if (!await DelayAsync(remaining).ConfigureAwait(false))
                return false;
        }
        return !IsInterrupted;
    }

    // Reference check on purpose: a derived or fake provider keeps its own timers.
    private bool IsSystemClock => ReferenceEquals(Time, TimeProvider.System);

    /// <summary>Ends this stage's output: the end of the stream travels on to the next stage or the writer.</summary>
    public void Close()
    {
        IsClosed = true;
        _output.TryComplete();
    }

    private async ValueTask WriteSlowAsync(StreamChunk chunk)
    {
        if (!_spillOnInterrupt)
        {
            await WriteAfterInterruptAsync(chunk).ConfigureAwait(false);
            return;
        }
        // Wait for room, then TryWrite: a cancelled WriteAsync may still have delivered its item, which would
        // duplicate the chunk once it is also spilled. WaitToWriteAsync carries no item, so nothing is ambiguous.
        while (!_output.TryWrite(chunk))
        {
            try
            {
                if (!await _output.WaitToWriteAsync(Interrupt).ConfigureAwait(false))
                    return;
            }
            catch (OperationCanceledException) when (IsInterrupted)
            {
                _spill.Add(chunk);
                return;
            }
        }
    }

    private async ValueTask WriteAfterInterruptAsync(StreamChunk chunk)
    {
        if (_spillOnInterrupt)
        {
            _spill.Add(chunk);
            return;
        }
        // The tail is drained by the socket writer, which keeps running across chain changes, so waiting here
        // cannot deadlock; only an aborted connection drops the chunk.
        try
        {
            await _output.WriteAsync(chunk, _abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        catch (ChannelClosedException) { }
    }
}

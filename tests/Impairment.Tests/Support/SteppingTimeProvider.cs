using System.Threading.Channels;
using Harness.TestSupport;

namespace Impairment.Tests.Support;

/// <summary>
/// A manual clock that a test can "run": <see cref="RunUntilAsync"/> jumps the clock to every timer the code under
/// test creates until a task completes. Waiting for a timer never consumes one, so racing it against completion
/// is safe; nothing sleeps and no wall clock is read.
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly ManualTimeProvider _inner = new();
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public List<TimeSpan> Jumps { get; } = [];

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
            _created.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);

    /// <summary>Completes when a timer has been created (without taking it), or when <paramref name="other"/> completes.</summary>
    public Task WhenTimerOrAsync(Task other, CancellationToken token) =>
        Task.WhenAny(_created.Reader.WaitToReadAsync(token).AsTask(), other);

    /// <summary>Advances to each created timer in turn until <paramref name="until"/> completes; records every jump.</summary>
    public async Task RunUntilAsync(Task until, TimeSpan? bound = null)
    {
        using var cts = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(10));
        while (!until.IsCompleted)
        {
            await WhenTimerOrAsync(until, cts.Token);
            cts.Token.ThrowIfCancellationRequested();
            while (_created.Reader.TryRead(out var due))
            {
                Jumps.Add(due);
                _inner.Advance(due);
            }
        }
        await until;
    }

    /// <summary>Takes the next created timer's due time, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await _created.Reader.ReadAsync(cts.Token);
    }
}

using System.Threading.Channels;

namespace Harness.TestSupport;

/// <summary>
/// Wraps <see cref="ManualTimeProvider"/> and reports every timer's due time as it is created, so a test can wait
/// until code under test is actually waiting before it moves the clock (no sleeps, no races).
/// </summary>
public sealed class RecordingTimeProvider(ManualTimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public RecordingTimeProvider()
        : this(new ManualTimeProvider()) { }

    public ManualTimeProvider Clock => inner;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created, waiting for it at most <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _created.Reader.ReadAsync(cts.Token);
    }

    public void Advance(TimeSpan by) => inner.Advance(by);
}

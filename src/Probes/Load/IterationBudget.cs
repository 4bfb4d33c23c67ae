namespace Harness.Probes.Load;

/// <summary>The optional cap on iterations across all VUs; <see cref="Exhausted"/> fires when the last one is taken. Thread-safe.</summary>
internal sealed class IterationBudget(long? max) : IDisposable
{
    private readonly CancellationTokenSource _exhausted = new();
    private long _taken;

    public CancellationToken Exhausted => _exhausted.Token;

    public long Taken => Interlocked.Read(ref _taken);

    public bool TryTake()
    {
        if (max is not { } limit)
            return true;
        var taken = Interlocked.Increment(ref _taken);
        if (taken == limit)
            _exhausted.Cancel();
        return taken <= limit;
    }

    public void Dispose() => _exhausted.Dispose();
}

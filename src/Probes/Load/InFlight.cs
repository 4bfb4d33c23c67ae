namespace Harness.Probes.Load;

/// <summary>Counts running iterations without keeping their tasks, so memory stays flat however many a run starts.</summary>
internal sealed class InFlight
{
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count = 1; // the scheduler itself holds one until it calls WhenIdleAsync

    public void Start() => Interlocked.Increment(ref _count);

    public void Done()
    {
        if (Interlocked.Decrement(ref _count) == 0)
            _idle.TrySetResult();
    }

    /// <summary>Call once, when nothing more will start: completes when every started iteration is done.</summary>
    public Task WhenIdleAsync()
    {
        Done();
        return _idle.Task;
    }
}

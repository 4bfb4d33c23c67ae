namespace Harness.Impairment.Proxying;

/// <summary>
/// A resettable wake-up. <see cref="Set"/> never blocks and never runs the waiter's code on the caller's thread,
/// which is what keeps API calls independent of the data plane.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _source = NewSource();

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    public Task WaitAsync() => Volatile.Read(ref _source).Task;

    public void Reset()
    {
        var current = Volatile.Read(ref _source);
        if (current.Task.IsCompleted)
            Interlocked.CompareExchange(ref _source, NewSource(), current);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Harness.Probes.Load;

/// <summary>
/// The VUs of an open-model executor: <c>preAllocated</c> exist from the start, more are added on demand up to
/// <c>max</c>, and a free one is handed to each due iteration. Thread-safe.
/// </summary>
internal sealed class VuPool
{
    private readonly object _gate = new();
    private readonly Stack<int> _free = new();
    private readonly int _max;
    private int _allocated;

    public VuPool(int preAllocated, int max)
    {
        _max = max;
        for (var i = preAllocated - 1; i >= 0; i--)
            _free.Push(i);
        _allocated = preAllocated;
    }

    /// <summary>VUs running an iteration now.</summary>
    public int Busy
    {
        get
        {
            lock (_gate)
                return _allocated - _free.Count;
        }
    }

    public int Allocated
    {
        get
        {
            lock (_gate)
                return _allocated;
        }
    }

    public bool TryAcquire(out int vu)
    {
        lock (_gate)
        {
            if (_free.TryPop(out vu))
                return true;
            if (_allocated >= _max)
                return false;
            vu = _allocated++;
            return true;
        }
    }

    public void Release(int vu)
    {
        lock (_gate)
            _free.Push(vu);
    }
}

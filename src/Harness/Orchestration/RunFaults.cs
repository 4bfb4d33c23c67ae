using System.Collections.Concurrent;

namespace Harness.Orchestration;

/// <summary>
/// Problems found while a run goes on that make its measurements worthless (a launched service died, a probe
/// crashed): each is kept as an error and the run is stopped at once through <see cref="Token"/>.
/// </summary>
internal sealed class RunFaults : IDisposable
{
    private readonly CancellationTokenSource _raised = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public CancellationToken Token => _raised.Token;

    public bool Raised => !_errors.IsEmpty;

    public IReadOnlyList<string> Errors => _errors.ToArray();

    public void Raise(string error)
    {
        _errors.Enqueue(error);
        try
        {
            _raised.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Raised after the run ended (a probe stopping late): the error is still kept.
        }
    }

    public void Dispose() => _raised.Dispose();
}

using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>
/// The hang toxic's side of a connection: instead of dialling, the client's bytes are read and discarded until the
/// client leaves, the proxy stops, or every toxic that asked for the hold is gone from both chains. A held
/// connection is then closed, never dialled: the bytes it swallowed cannot be replayed.
/// </summary>
internal sealed partial class ProxyConnection
{
    // Sized for discarding only; nothing read here is kept.
    private const int DiscardBufferSize = 4096;

    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<long> _holds = [];

    /// <summary>Called once at accept, before <see cref="RunAsync"/>, with the ids of the toxics holding it.</summary>
    public void HoldFor(IReadOnlyList<long> toxicIds)
    {
        lock (_gate)
        {
            _holds = toxicIds;
            ReleaseHoldIfGone();
        }
    }

    /// <summary>Under <c>_gate</c>: only signals, so publishing a chain never waits for the held connection.</summary>
    private void ReleaseHoldIfGone()
    {
        if (_holds.Count == 0 || _holds.Any(id => _chains.Any(c => c.Toxics.Any(t => t.Id == id))))
            return;
        _released.TrySetResult();
    }

    /// <summary>True when the connection was held; it is over then and must not be dialled.</summary>
    private async Task<bool> HoldAsync()
    {
        lock (_gate)
        {
            if (_holds.Count == 0)
                return false;
        }
        var buffer = new byte[DiscardBufferSize];
        while (true)
        {
            var receive = client.ReceiveAsync(buffer, SocketFlags.None, _abort.Token).AsTask();
            if (await Task.WhenAny(receive, _released.Task).ConfigureAwait(false) != receive)
            {
                // The pending receive fails once the caller closes the socket; observe it so nothing goes unobserved.
                _ = receive.ContinueWith(
                    t => t.Exception,
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default
                );
                return true;
            }
            try
            {
                if (await receive.ConfigureAwait(false) == 0)
                    return true;
            }
            catch (Exception ex) when (SocketErrorClassifier.IsSocketFailure(ex))
            {
                return true;
            }
        }
    }
}

using System.Runtime.InteropServices;

namespace Harness.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation so a run can clean up and write its results (exit 130).
/// A second signal is not intercepted, so an impatient user can still force the process down.
/// </summary>
internal sealed class InterruptSource : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptSource(Action<string> notify)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];

        void Handle(PosixSignalContext context)
        {
            if (_cts.IsCancellationRequested)
                return;
            context.Cancel = true;
            notify($"{context.Signal} received: stopping, removing impairments and writing results (send again to force)");
            _cts.Cancel();
        }
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cts.Dispose();
    }
}

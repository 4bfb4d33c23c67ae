using System.Runtime.InteropServices;
using Harness.Impairment.Server;

// harness-toxiproxy: toxiproxy-server's flags, LOG_LEVEL and exit codes, exactly as `harness toxiproxy`
// (ToxiproxyServerCommand). SIGINT or SIGTERM stops the API and every proxy, then exits 0; a second signal is not
// intercepted, so it still forces the process down.
SocketEngineSettings.PreferInlineCompletions();
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    if (stop.IsCancellationRequested)
        return;
    context.Cancel = true;
    stop.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await ToxiproxyServerCommand.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);

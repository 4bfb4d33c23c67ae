using Harness.Notifications;
using Harness.Reports.Model;

namespace Harness.Exporting;

/// <summary>
/// After a run's reports are written: pushes its results to the Pushgateway, exports them over OTLP and notifies the
/// webhook, each as asked by <see cref="ExportTargets"/>. It reads the redacted results the reports were written
/// from. Every failure (refused, timed out, non-2xx) is one warning line; none changes the run's verdict or exit code.
/// </summary>
internal sealed class RunExports(ExportTargets targets, Action<string> warn, TimeSpan? timeout = null) : IDisposable
{
    private readonly TimeSpan _timeout = timeout ?? ExportDefaults.Timeout;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <param name="reportPath">The report a message points to (index.html, or the folder when it was not written).</param>
    /// <param name="historyPath">The history the run was appended to: the previous verdict of the scenario is read there.</param>
    public async Task AfterRunAsync(RunResults results, string reportPath, string historyPath)
    {
        if (targets.Push is { } push)
        {
            await Guard($"push to {ExportTargets.Display(push)}", token => Pushgateway.PushAsync(_http, push, results, token))
                .ConfigureAwait(false);
        }
        if (targets.Otlp is { } otlp)
        {
            await Guard($"OTLP export to {ExportTargets.Display(otlp)}", token => Task.Run(
                        () =>
                        {
                            if (!OtlpExport.Export(otlp, results, _timeout))
                                throw new HttpRequestException(
                                    "the collector did not accept the metrics in time (refused, timed out or non-2xx)"
                                );
                        },
                        token
                    ))
                .ConfigureAwait(false);
        }
        if (targets.Notify is { } notify)
        {
            string? previous = null;
            try
            {
                previous = Notifier.PreviousStatus(results, historyPath);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                warn($"notify: the previous verdict could not be read from {historyPath} ({e.Message}); treated as none");
            }
            await Guard($"notify to {ExportTargets.Display(notify)}", token =>
                    Notifier.NotifyAsync(_http, notify, results, previous, reportPath, token)
                )
                .ConfigureAwait(false);
        }
    }

    private async Task Guard(string what, Func<CancellationToken, Task> send)
    {
        using var bound = new CancellationTokenSource(_timeout);
        try
        {
            await send(bound.Token).WaitAsync(_timeout + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            warn(
                $"warning: {what} failed: no answer within {_timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s; the verdict is unchanged"
            );
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Refused, non-2xx, or anything the SDK threw: the run is over and its verdict stands; say what went wrong.
            warn($"warning: {what} failed: {e.Message}; the verdict is unchanged");
        }
    }

    public void Dispose() => _http.Dispose();
}

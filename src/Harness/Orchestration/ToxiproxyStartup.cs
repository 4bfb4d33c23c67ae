using System.Globalization;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>
/// Waits for an external Toxiproxy API that may still be starting (a container started beside the harness): asks
/// for its version, and while it does not answer, asks again with exponential backoff (250 ms doubling to 2 s) for
/// at most <c>wait</c> (<c>--toxiproxy-wait</c>; the last attempt when it runs out), saying so once; then gives up with
/// what it last saw.
/// </summary>
internal static class ToxiproxyStartup
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static async Task<string> WaitForVersionAsync(
        IToxiproxyClient client,
        Uri url,
        TimeSpan wait,
        TimeProvider time,
        Action<string> progress,
        CancellationToken token
    )
    {
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var version = await client.GetVersionAsync(token).ConfigureAwait(false);
                if (attempt > 1)
                {
                    progress($"toxiproxy: the API at {url} answered after {attempt} attempts ({Seconds(time.GetElapsedTime(started))})");
                }
                return version;
            }
            catch (Exception e)
                when (e is HttpRequestException or ToxiproxyApiException
                    || (e is OperationCanceledException && !token.IsCancellationRequested)
                )
            {
                var elapsed = time.GetElapsedTime(started);
                if (elapsed >= wait)
                {
                    var tried =
                        attempt == 1 ? string.Empty : $" after {attempt} attempts in {Seconds(elapsed)} (--toxiproxy-wait {Seconds(wait)})";
                    throw new InfrastructureException($"the Toxiproxy API at {url} is not usable{tried}: {e.Message}", e);
                }
                if (attempt == 1)
                {
                    progress(
                        $"toxiproxy: the API at {url} is not answering yet ({e.Message}); "
                            + $"retrying for up to {Seconds(wait)} (--toxiproxy-wait)"
                    );
                }
                // The last wait is cut to the deadline, so the final attempt happens when the wait runs out.
                await Task.Delay(delay < wait - elapsed ? delay : wait - elapsed, time, token).ConfigureAwait(false);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}

using System.Diagnostics;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench;

/// <summary>
/// The baseline for http-rate: the same open-model schedule (request k due at k/rate seconds from the start,
/// caught up when late) with a bare HttpClient, recording only each request's duration.
/// </summary>
internal static class BareHttpLoop
{
    public static async Task<(long Completed, long Failed, LogLinearHistogram Latency)> RunAsync(Uri url, int rate, TimeSpan duration)
    {
        using var client = new HttpClient(
            new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
            }
        );
        var latency = new LogLinearHistogram();
        long completed = 0,
            failed = 0,
            inFlight = 1;
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = (long)(rate * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        for (long k = 0; k < total; k++)
        {
            var wait = TimeSpan.FromSeconds(k / (double)rate) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait).ConfigureAwait(false);
            Interlocked.Increment(ref inFlight);
            _ = OneAsync();
        }
        if (Interlocked.Decrement(ref inFlight) == 0)
            idle.TrySetResult();
        await idle.Task.ConfigureAwait(false);
        return (completed, failed, latency);

        async Task OneAsync()
        {
            await Task.Yield();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latency)
                latency.Record(ms);
            Interlocked.Increment(ref completed);
            if (Interlocked.Decrement(ref inFlight) == 0)
                idle.TrySetResult();
        }
    }
}

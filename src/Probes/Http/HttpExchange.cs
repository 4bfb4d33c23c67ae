using System.Buffers;
using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>One request and its samples. Failures become samples; only the run's own cancellation ends it silently.</summary>
internal sealed class HttpExchange(HttpProbeOptions options, HttpMessageInvoker invoker, SampleWriter samples)
{
    private readonly string _check = $"status is {options.ExpectedStatus.ToString(CultureInfo.InvariantCulture)}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = samples.Time;
        var tags = samples.TagsNow();
        var timing = new ConnectTiming();
        using var request = CreateRequest(timing);
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var started = time.GetTimestamp();
        double? headersMs = null;
        int? status = null;
        string? reason = null;
        try
        {
            using var response = await invoker.SendAsync(request, linked.Token).ConfigureAwait(false);
            headersMs = time.ElapsedMs(started);
            status = (int)response.StatusCode;
            await DrainAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (status != options.ExpectedStatus) reason = FailureReason.Status;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the run ended mid-request: that is not a measurement of the target
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            reason = timeout.IsCancellationRequested ? FailureReason.Timeout : FailureReason.Classify(ex);
        }

        Emit(tags, time.ElapsedMs(started), headersMs, timing.Connecting, status, reason);
    }

    private HttpRequestMessage CreateRequest(ConnectTiming timing)
    {
        var request = new HttpRequestMessage(options.Method, options.Url);
        request.Options.Set(ConnectTiming.Key, timing);
        foreach (var (name, value) in options.Headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private void Emit(SampleTags tags, double durationMs, double? headersMs, TimeSpan? connecting, int? status, string? reason)
    {
        tags = tags.With("status", status?.ToString(CultureInfo.InvariantCulture) ?? "error");
        if (reason is not null) tags = tags.With("reason", reason);
        var connectingMs = connecting?.TotalMilliseconds;

        samples.Add(MetricNames.HttpReqs, 1, tags);
        samples.Add(MetricNames.HttpReqDuration, durationMs, tags);
        // Waiting is from the request going out to the headers coming back, so a new connection's setup is excluded.
        if (headersMs is { } h) samples.Add(MetricNames.HttpReqWaiting, Math.Max(0, h - (connectingMs ?? 0)), tags);
        if (connectingMs is { } c) samples.Add(MetricNames.HttpReqConnecting, c, tags);
        samples.Add(MetricNames.HttpReqFailed, reason is null ? 0 : 1, tags);
        samples.Add(MetricNames.Checks, status == options.ExpectedStatus ? 1 : 0, tags.With("check", _check));
    }

    // Reads the body to the end, as a browser would, so the duration covers the transfer.
    private static async Task DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0) { }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}

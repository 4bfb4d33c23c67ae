using System.Globalization;
using System.Net.Http.Headers;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>How one exchange went, for callers that count iterations: null when the run's own cancellation cut it.</summary>
internal enum ExchangeResult
{
    Passed,
    Failed,
}

/// <summary>Why an exchange failed: its class (the <c>error</c> tag) and a short message.</summary>
internal readonly record struct Failure(string Class, string Message);

/// <summary>One request and its samples. Failures become samples; only the run's own cancellation ends it silently.</summary>
internal sealed partial class HttpExchange(HttpProbeOptions options, HttpMessageInvoker invoker, SampleWriter samples)
{
    private readonly ResponseChecks _checks = new(options);
    private readonly bool _needsBody = options.Expect?.NeedsBody ?? false;

    public async Task<ExchangeResult?> RunAsync(CancellationToken cancellationToken)
    {
        var time = samples.Time;
        var tags = samples.TagsNow();
        var timing = new ConnectTiming(time);
        using var request = CreateRequest(timing);
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var started = time.GetTimestamp();
        double? headersMs = null;
        Failure? failure = null;
        ResponseFacts facts = new(null, null, default);
        HttpResponseMessage? response = null;
        try
        {
            response = await invoker.SendAsync(request, linked.Token).ConfigureAwait(false);
            headersMs = time.ElapsedMs(started);
            var body = await ResponseBody.ReadAsync(response.Content, _needsBody, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            facts = new ResponseFacts(status, response, body);
            if (status != options.ExpectedStatus)
                failure = new(FailureReason.Status(status), FailureReason.DescribeStatus(status, response.ReasonPhrase));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null; // the run ended mid-request: that is not a measurement of the target
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            failure = timeout.IsCancellationRequested
                ? new(FailureReason.Timeout, $"no complete response within {FailureReason.Seconds(options.Timeout)}")
                : new(FailureReason.Classify(ex), FailureReason.Describe(ex));
            facts = new ResponseFacts(facts.Status, null, default); // a response cut short is not checked
        }
        try
        {
            var timings = new ExchangeTimings(time.ElapsedMs(started), headersMs, timing.Connecting, timing.TlsHandshaking);
            var passed = Emit(tags, timings, facts, failure);
            return passed && failure is null ? ExchangeResult.Passed : ExchangeResult.Failed;
        }
        finally
        {
            response?.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(ConnectTiming timing)
    {
        var request = new HttpRequestMessage(options.Method, options.Url);
        request.Options.Set(ConnectTiming.Key, timing);
        if (options.Body is { } body)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(options.ContentType);
        }
        foreach (var (name, value) in options.Headers ?? new Dictionary<string, string>())
        {
            // Content-* headers belong to the content; everything else to the request.
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    private static string StatusTag(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "error";
}

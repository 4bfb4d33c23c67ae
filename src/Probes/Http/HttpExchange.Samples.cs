using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>The timings of one exchange in milliseconds; null where a phase did not happen (no new connection, no response).</summary>
internal readonly record struct ExchangeTimings(double TotalMs, double? HeadersMs, TimeSpan? Connecting, TimeSpan? Tls);

/// <summary>The sample-emitting facet of an exchange: k6's http_req_* split plus one check per expectation.</summary>
internal sealed partial class HttpExchange
{
    /// <summary>k6's tag: whether the response was the expected one (latency thresholds count only those by default).</summary>
    public const string ExpectedResponseTag = "expected_response";

    /// <returns>Whether every check passed.</returns>
    private bool Emit(SampleTags tags, ExchangeTimings t, ResponseFacts facts, Failure? failure)
    {
        tags = tags.With("status", StatusTag(facts.Status)).With(ExpectedResponseTag, failure is null ? "true" : "false");
        if (failure is { } f)
        {
            tags = tags.With(SampleWriter.ErrorTag, f.Class);
            samples.Fail(MetricNames.HttpReqFailed, f.Class, f.Message, tags);
        }
        var connectingMs = t.Connecting?.TotalMilliseconds;
        var tlsMs = t.Tls?.TotalMilliseconds;

        samples.Add(MetricNames.HttpReqs, 1, tags);
        samples.Add(MetricNames.HttpReqDuration, t.TotalMs, tags);
        if (connectingMs is { } c)
            samples.Add(MetricNames.HttpReqConnecting, c, tags);
        if (tlsMs is { } tls)
            samples.Add(MetricNames.HttpReqTlsHandshaking, tls, tags);
        if (t.HeadersMs is { } h)
        {
            // Waiting (TTFB) runs from the request going out to the headers coming back, so a new connection's setup is excluded.
            samples.Add(MetricNames.HttpReqWaiting, Math.Max(0, h - (connectingMs ?? 0) - (tlsMs ?? 0)), tags);
            if (facts.Response is not null)
                samples.Add(MetricNames.HttpReqReceiving, Math.Max(0, t.TotalMs - h), tags);
        }
        samples.Add(MetricNames.HttpReqFailed, failure is null ? 0 : 1, tags);

        var all = true;
        foreach (var (name, passed) in _checks.Evaluate(facts))
        {
            var checkTags = tags.With("check", name);
            // A request that failed already said why; a response that came but missed an expectation is a check failure.
            if (!passed && failure is null)
            {
                checkTags = checkTags.With(SampleWriter.ErrorTag, FailureReason.Check);
                var message = $"check '{name}' failed ({FailureReason.DescribeStatus(facts.Status ?? 0)})";
                samples.Fail(MetricNames.Checks, FailureReason.Check, message, checkTags);
            }
            samples.Add(MetricNames.Checks, passed ? 1 : 0, checkTags);
            all &= passed;
        }
        return all;
    }
}

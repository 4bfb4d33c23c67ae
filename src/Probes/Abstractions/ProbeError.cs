namespace Harness.Probes.Abstractions;

/// <summary>
/// One failed exchange, as data: the metric that counts it (<c>http_req_failed</c>, <c>ws_handshake_failed</c>,
/// <c>ws_disconnects</c>, <c>checks</c>, <c>iterations</c>), its class (the same value as the samples'
/// <c>error</c> tag: refused, reset, timeout, dns, tls, status_503, closed_4504, handshake_503, check, cut_off,
/// too_big, error), a short human message, when it happened, and the tags of the exchange (probe and phase included).
/// </summary>
public readonly record struct ProbeError(string Metric, string Class, string Message, DateTimeOffset Timestamp, SampleTags Tags);

/// <summary>Receives failed exchanges beside the samples. Implementations must be safe to call from many threads at once.</summary>
public interface IErrorSink
{
    void Add(in ProbeError error);
}

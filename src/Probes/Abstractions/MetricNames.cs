namespace Harness.Probes.Abstractions;

/// <summary>The metric names probes emit, in k6's vocabulary, with their kinds and units.</summary>
public static class MetricNames
{
    public const string HttpReqDuration = "http_req_duration";
    public const string HttpReqWaiting = "http_req_waiting";
    public const string HttpReqConnecting = "http_req_connecting";
    public const string HttpReqFailed = "http_req_failed";
    public const string HttpReqs = "http_reqs";

    public const string WsConnecting = "ws_connecting";
    public const string WsSessionDuration = "ws_session_duration";
    public const string WsMsgsSent = "ws_msgs_sent";
    public const string WsMsgsReceived = "ws_msgs_received";
    public const string WsRtt = "ws_rtt";
    public const string WsMsgsLost = "ws_msgs_lost";
    public const string WsMsgsDuplicated = "ws_msgs_duplicated";
    public const string WsMsgsReordered = "ws_msgs_reordered";
    public const string WsFrameDelay = "ws_frame_delay";
    public const string WsDisconnects = "ws_disconnects";
    public const string WsHandshakeFailed = "ws_handshake_failed";

    public const string Checks = "checks";

    /// <summary>Every known metric with its kind and unit ("ms" or "" for plain numbers).</summary>
    public static IReadOnlyDictionary<string, MetricInfo> All { get; } = new Dictionary<string, MetricInfo>(StringComparer.Ordinal)
    {
        [HttpReqDuration] = new(MetricKind.Trend, "ms"),
        [HttpReqWaiting] = new(MetricKind.Trend, "ms"),
        [HttpReqConnecting] = new(MetricKind.Trend, "ms"),
        [HttpReqFailed] = new(MetricKind.Rate, ""),
        [HttpReqs] = new(MetricKind.Counter, ""),
        [WsConnecting] = new(MetricKind.Trend, "ms"),
        [WsSessionDuration] = new(MetricKind.Trend, "ms"),
        [WsMsgsSent] = new(MetricKind.Counter, ""),
        [WsMsgsReceived] = new(MetricKind.Counter, ""),
        [WsRtt] = new(MetricKind.Trend, "ms"),
        [WsMsgsLost] = new(MetricKind.Counter, ""),
        [WsMsgsDuplicated] = new(MetricKind.Counter, ""),
        [WsMsgsReordered] = new(MetricKind.Counter, ""),
        [WsFrameDelay] = new(MetricKind.Trend, "ms"),
        [WsDisconnects] = new(MetricKind.Counter, ""),
        [WsHandshakeFailed] = new(MetricKind.Counter, ""),
        [Checks] = new(MetricKind.Rate, ""),
    };
}

/// <summary>How a metric aggregates and its unit.</summary>
public sealed record MetricInfo(MetricKind Kind, string Unit);

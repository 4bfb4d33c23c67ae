namespace Harness.Probes.Abstractions;

/// <summary>The metric names probes emit, in k6's vocabulary, with their kinds and units.</summary>
public static class MetricNames
{
    public const string HttpReqDuration = "http_req_duration";
    public const string HttpReqWaiting = "http_req_waiting";
    public const string HttpReqConnecting = "http_req_connecting";
    public const string HttpReqFailed = "http_req_failed";
    public const string HttpReqs = "http_reqs";
    public const string HttpReqTlsHandshaking = "http_req_tls_handshaking";
    public const string HttpReqReceiving = "http_req_receiving";

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

    public const string WsReconnects = "ws_reconnects";
    public const string WsReconnectTime = "ws_reconnect_time";
    public const string WsFrameInterarrival = "ws_frame_interarrival";
    public const string WsFrameJitter = "ws_frame_jitter";
    public const string WsStaleness = "ws_staleness";

    /// <summary>How late an echo send started against its schedule (start + n × interval), in ms: the sender fell behind.</summary>
    public const string WsSendLag = "ws_send_lag";

    /// <summary>Clients that lost an open connection and have not reconnected yet (a gauge, sampled on change and every second).</summary>
    public const string WsDisconnected = "ws_disconnected";

    /// <summary>
    /// Per drop episode: from the first client dropping until every client that dropped is back (or the run ends), in ms.
    /// </summary>
    public const string WsRecoveryTime = "ws_recovery_time";

    /// <summary>One per client that lost its connection and was not back when the run ended.</summary>
    public const string WsNeverReconnected = "ws_never_reconnected";

    public const string BrowserStepDuration = "browser_step_duration";
    public const string BrowserTtfb = "browser_ttfb";
    public const string BrowserLoad = "browser_load";
    public const string BrowserLcp = "browser_lcp";
    public const string BrowserCls = "browser_cls";
    public const string BrowserInp = "browser_inp";
    public const string BrowserConsoleErrors = "browser_console_errors";
    public const string BrowserPageErrors = "browser_page_errors";
    public const string BrowserRequestsFailed = "browser_requests_failed";

    public const string Vus = "vus";
    public const string Iterations = "iterations";
    public const string IterationDuration = "iteration_duration";
    public const string DroppedIterations = "dropped_iterations";

    public const string Checks = "checks";

    /// <summary>Connections a server-to-server link (a proxy between two services) carried.</summary>
    public const string LinkConnections = "link_connections";

    /// <summary>How long a caller across a link waited from its request to the first byte of the answer, in ms.</summary>
    public const string LinkWait = "link_wait";

    /// <summary>Requests across a link whose caller closed the connection before any answer came: it gave up (timed out).</summary>
    public const string LinkAbandoned = "link_abandoned";

    /// <summary>The share of requests across a link whose caller gave up on them (1 per abandoned, 0 per answered).</summary>
    public const string LinkReqAbandoned = "link_req_abandoned";

    /// <summary>Every known metric with its kind and unit ("ms" or "" for plain numbers).</summary>
    public static IReadOnlyDictionary<string, MetricInfo> All { get; } =
        new Dictionary<string, MetricInfo>(StringComparer.Ordinal)
        {
            [HttpReqDuration] = new(MetricKind.Trend, "ms"),
            [HttpReqWaiting] = new(MetricKind.Trend, "ms"),
            [HttpReqConnecting] = new(MetricKind.Trend, "ms"),
            [HttpReqFailed] = new(MetricKind.Rate, ""),
            [HttpReqs] = new(MetricKind.Counter, ""),
            [HttpReqTlsHandshaking] = new(MetricKind.Trend, "ms"),
            [HttpReqReceiving] = new(MetricKind.Trend, "ms"),
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
            [WsReconnects] = new(MetricKind.Counter, ""),
            [WsReconnectTime] = new(MetricKind.Trend, "ms"),
            [WsFrameInterarrival] = new(MetricKind.Trend, "ms"),
            [WsFrameJitter] = new(MetricKind.Trend, "ms"),
            [WsStaleness] = new(MetricKind.Trend, "ms"),
            [WsSendLag] = new(MetricKind.Trend, "ms"),
            [WsDisconnected] = new(MetricKind.Gauge, ""),
            [WsRecoveryTime] = new(MetricKind.Trend, "ms"),
            [WsNeverReconnected] = new(MetricKind.Counter, ""),
            [BrowserStepDuration] = new(MetricKind.Trend, "ms"),
            [BrowserTtfb] = new(MetricKind.Trend, "ms"),
            [BrowserLoad] = new(MetricKind.Trend, "ms"),
            [BrowserLcp] = new(MetricKind.Trend, "ms"),
            [BrowserCls] = new(MetricKind.Trend, ""),
            [BrowserInp] = new(MetricKind.Trend, "ms"),
            [BrowserConsoleErrors] = new(MetricKind.Counter, ""),
            [BrowserPageErrors] = new(MetricKind.Counter, ""),
            [BrowserRequestsFailed] = new(MetricKind.Counter, ""),
            [Vus] = new(MetricKind.Gauge, ""),
            [Iterations] = new(MetricKind.Counter, ""),
            [IterationDuration] = new(MetricKind.Trend, "ms"),
            [DroppedIterations] = new(MetricKind.Counter, ""),
            [Checks] = new(MetricKind.Rate, ""),
            [LinkConnections] = new(MetricKind.Counter, ""),
            [LinkWait] = new(MetricKind.Trend, "ms"),
            [LinkAbandoned] = new(MetricKind.Counter, ""),
            [LinkReqAbandoned] = new(MetricKind.Rate, ""),
        };
}

/// <summary>How a metric aggregates and its unit.</summary>
public sealed record MetricInfo(MetricKind Kind, string Unit);

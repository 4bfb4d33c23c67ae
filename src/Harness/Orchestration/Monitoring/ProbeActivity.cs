using System.Collections.Concurrent;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration.Monitoring;

/// <summary>
/// What one probe is doing now, learnt from the samples it writes: how many clients are connected (WebSocket
/// opens minus session ends), VUs (the last <c>vus</c> gauge) or participants (distinct participant tags seen),
/// and recent windows of the metrics the live figures are computed from. Safe for many writers and one reader.
/// </summary>
internal sealed class ProbeActivity(ProbeSpec spec, TimeSpan window)
{
    /// <summary>The metric a probe leads with, most telling first (the order the reports use).</summary>
    private static readonly string[] LatencyPreference =
    [
        MetricNames.HttpReqDuration,
        MetricNames.WsRtt,
        MetricNames.WsFrameDelay,
        MetricNames.BrowserStepDuration,
        MetricNames.BrowserLoad,
        MetricNames.IterationDuration,
        MetricNames.WsConnecting,
    ];

    private static readonly HashSet<string> Watched = new(
        LatencyPreference.Concat([
            MetricNames.HttpReqFailed,
            MetricNames.Checks,
            MetricNames.WsHandshakeFailed,
            MetricNames.WsMsgsReceived,
            MetricNames.WsMsgsLost,
        ]),
        StringComparer.Ordinal
    );

    private readonly ConcurrentDictionary<string, RecentWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _participants = new(StringComparer.Ordinal);
    private long _opened;
    private long _closed;
    private long _vus = -1;

    public void Add(in Sample sample)
    {
        switch (sample.Metric)
        {
            case MetricNames.WsConnecting:
                Interlocked.Increment(ref _opened);
                break;
            case MetricNames.WsSessionDuration:
                Interlocked.Increment(ref _closed);
                break;
            case MetricNames.Vus:
                Interlocked.Exchange(ref _vus, (long)sample.Value);
                break;
        }
        if (spec is BrowserProbeSpec && sample.Tags.Extra?.GetValueOrDefault("participant") is { } participant)
            _participants.TryAdd(participant, 0);
        if (Watched.Contains(sample.Metric))
            WindowOf(sample.Metric).Add(sample.Value, sample.Timestamp);
    }

    public void Add(string metric, DateTimeOffset timestamp, LogLinearHistogram histogram)
    {
        if (Watched.Contains(metric))
            WindowOf(metric).Add(histogram, timestamp);
    }

    public ProbeSnapshot Snapshot(DateTimeOffset now)
    {
        var figures = _windows.ToDictionary(w => w.Key, w => w.Value.Read(now), StringComparer.Ordinal);
        // The main metric is the most preferred one the probe has ever recorded, so the column does not flip between metrics.
        var main = LatencyPreference.FirstOrDefault(figures.ContainsKey);
        var latency = main is null ? null : figures[main].Histogram;
        double? Percentile(double p) => latency is { Count: > 0 } h ? h.Percentile(p) : null;
        return new ProbeSnapshot(
            spec.Name,
            KindOf(spec),
            Clients(),
            main,
            Percentile(50),
            Percentile(95),
            Percentile(99),
            ErrorRate(figures),
            LossRate(figures)
        );
    }

    private ClientCount? Clients() =>
        spec switch
        {
            WebSocketProbeSpec ws => new ClientCount(
                "clients",
                Math.Max(0, Interlocked.Read(ref _opened) - Interlocked.Read(ref _closed)),
                ws.Clients
            ),
            LoadProbeSpec => new ClientCount("VUs", Math.Max(0, Interlocked.Read(ref _vus)), null),
            BrowserProbeSpec browser => new ClientCount("participants", _participants.Count, browser.Participants.Sum(p => (long)p.Count)),
            _ => null,
        };

    /// <summary>
    /// The share of attempts that failed: failed requests, else failed checks (a browser's steps), else failed
    /// WebSocket handshakes among all handshakes.
    /// </summary>
    private static double? ErrorRate(Dictionary<string, WindowFigures> figures)
    {
        if (figures.GetValueOrDefault(MetricNames.HttpReqFailed) is { Count: > 0 } failed)
            return failed.NonZero / (double)failed.Count;
        if (figures.GetValueOrDefault(MetricNames.Checks) is { Count: > 0 } checks)
            return (checks.Count - checks.NonZero) / (double)checks.Count;
        var opened = figures.GetValueOrDefault(MetricNames.WsConnecting)?.Count ?? 0;
        var refused = figures.GetValueOrDefault(MetricNames.WsHandshakeFailed)?.Sum ?? 0;
        return opened + refused > 0 ? refused / (opened + refused) : null;
    }

    /// <summary>Messages lost among those expected (received + lost) by sequence-checked streams.</summary>
    private static double? LossRate(Dictionary<string, WindowFigures> figures)
    {
        var received = figures.GetValueOrDefault(MetricNames.WsMsgsReceived)?.Sum ?? 0;
        var lost = figures.GetValueOrDefault(MetricNames.WsMsgsLost)?.Sum ?? 0;
        return received + lost > 0 ? lost / (received + lost) : null;
    }

    private RecentWindow WindowOf(string metric) =>
        _windows.GetOrAdd(
            metric,
            static (m, seconds) => new RecentWindow(seconds, MetricNames.All.TryGetValue(m, out var info) && info.Kind == MetricKind.Trend),
            (int)Math.Ceiling(window.TotalSeconds)
        );

    private static string KindOf(ProbeSpec spec) =>
        spec switch
        {
            HttpProbeSpec => "http",
            WebSocketProbeSpec => "websocket",
            BrowserProbeSpec => "browser",
            LoadProbeSpec => "load",
            _ => "probe",
        };
}

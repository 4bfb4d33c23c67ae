using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// The stream-timing facet of a session: inter-arrival time and jitter of consecutive stream frames, and
/// staleness, sampled on a timer so that a stream that stops entirely still shows.
/// </summary>
internal sealed partial class WebSocketSession
{
    private long _lastStreamArrival; // timestamp; the session's start until the first frame arrives
    private bool _hasPrevious;
    private double? _previousSentMs;

    /// <summary>
    /// ws_frame_interarrival is the gap since the previous frame. ws_frame_jitter is RFC 3550's transit
    /// difference |D(i-1, i)| = |(arrival_i - arrival_i-1) - (sent_i - sent_i-1)|: how much the network stretched
    /// or squeezed the gap, independent of clock offset between sender and probe.
    /// </summary>
    private void OnStreamArrival(double? sentMs, SampleTags tags)
    {
        var now = _samples.Time.GetTimestamp();
        var previous = Interlocked.Exchange(ref _lastStreamArrival, now);
        if (_hasPrevious)
        {
            var gapMs = _samples.Time.GetElapsedTime(previous, now).TotalMilliseconds;
            _samples.Add(MetricNames.WsFrameInterarrival, gapMs, tags);
            if (sentMs is { } s && _previousSentMs is { } p)
                _samples.Add(MetricNames.WsFrameJitter, Math.Abs(gapMs - (s - p)), tags);
        }
        _hasPrevious = true;
        _previousSentMs = sentMs;
    }

    /// <summary>Every <paramref name="every"/>, emits how long ago the last stream frame arrived (or the session opened).</summary>
    private async Task StalenessLoopAsync(TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every, _samples.Time);
        while (await timer.NextTickAsync(stop).ConfigureAwait(false))
            _samples.Add(MetricNames.WsStaleness, _samples.Time.ElapsedMs(Interlocked.Read(ref _lastStreamArrival)), _samples.TagsNow());
    }
}

using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Follows, across all clients of a probe, who lost an open connection and is not back yet. Emits the
/// <c>ws_disconnected</c> gauge on every change and every <see cref="GaugeInterval"/>; a drop episode starts when
/// the first client drops while all are connected and ends when the last one that dropped is back, and its length
/// is one <c>ws_recovery_time</c> sample. At the end of the run every client still away is one
/// <c>ws_never_reconnected</c> sample and an open episode ends there, so clients that never come back count
/// against recovery instead of leaving no sample. Thread-safe.
/// </summary>
internal sealed class RecoveryTracker(SampleWriter samples)
{
    public static readonly TimeSpan GaugeInterval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly Dictionary<int, SampleTags> _away = [];
    private long _episodeStart;
    private long _episodeEnd;
    private SampleTags? _episodeTags;

    /// <summary>
    /// Client <paramref name="client"/> lost its open connection at timestamp <paramref name="at"/> (of the sample
    /// writer's clock, the one its own reconnect time starts from); <paramref name="tags"/> carry the phase.
    /// </summary>
    public void Dropped(int client, SampleTags tags, long at)
    {
        lock (_gate)
        {
            if (!_away.TryAdd(client, tags))
                return;
            // Clients race to the lock, so the episode starts at the earliest drop, not the first to arrive here.
            if (_episodeTags is null)
                (_episodeStart, _episodeEnd, _episodeTags) = (at, at, tags);
            else
                _episodeStart = Math.Min(_episodeStart, at);
            Gauge();
        }
    }

    /// <summary>
    /// Client <paramref name="client"/> has an open connection again since timestamp <paramref name="at"/> (a no-op
    /// if it had not dropped). The episode ends at the latest return, so it spans every reconnect time in it.
    /// </summary>
    public void Back(int client, long at)
    {
        lock (_gate)
        {
            if (!_away.Remove(client))
                return;
            _episodeEnd = Math.Max(_episodeEnd, at);
            Gauge();
            if (_away.Count == 0)
                EndEpisode(_episodeEnd);
        }
    }

    /// <summary>Samples the gauge every <see cref="GaugeInterval"/> until cancelled, so it has a value in every second and phase.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(GaugeInterval, samples.Time);
        try
        {
            while (await timer.NextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_gate)
                    Gauge();
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }

    /// <summary>The run ended: clients still away never reconnected, and an open episode lasted until now.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            foreach (var tags in _away.Values)
                samples.Add(MetricNames.WsNeverReconnected, 1, tags);
            if (_away.Count > 0)
                EndEpisode(Math.Max(_episodeEnd, samples.Time.GetTimestamp()));
            _away.Clear();
        }
    }

    private void Gauge() => samples.Add(MetricNames.WsDisconnected, _away.Count, samples.TagsNow());

    private void EndEpisode(long end)
    {
        if (_episodeTags is { } tags)
            samples.Add(MetricNames.WsRecoveryTime, samples.Time.GetElapsedTime(_episodeStart, end).TotalMilliseconds, tags);
        _episodeTags = null;
    }
}

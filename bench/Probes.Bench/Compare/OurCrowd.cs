using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;
using Harness.Probes.WebSockets;

namespace Harness.Probes.Bench.Compare;

/// <summary>
/// The probe: one <see cref="WebSocketProbe"/> with N clients and its stream check, as a scenario runs it. Since issue
/// 14 its connections are Websocket.Client's, so against <see cref="TheirCrowd"/> this measures what the probe adds
/// (its reconnect loop, per-client sessions, samples and the stream check) over bare Websocket.Client.
/// </summary>
internal sealed class OurCrowd : ICrowd
{
    private const string Probe = "ours";
    private readonly BenchSink _sink = new();
    private Task? _running;

    public string Name => "probe (WebSocketProbe on Websocket.Client)";

    public long Connected => _sink.Count(MetricNames.WsConnecting);

    public long LastReceived => _sink.LastTimestamp(MetricNames.WsMsgsReceived);

    public long[] Counts() => _sink.ClientCounts(Probe);

    public LogLinearHistogram Delays() => _sink.Snapshot(MetricNames.WsFrameDelay);

    public (long Lost, long Duplicated, long Reordered, long Disconnects) Errors() =>
        (
            (long)_sink.Total(MetricNames.WsMsgsLost),
            (long)_sink.Total(MetricNames.WsMsgsDuplicated),
            (long)_sink.Total(MetricNames.WsMsgsReordered),
            (long)_sink.Total(MetricNames.WsDisconnects)
        );

    public Task StartAsync(Uri room, int clients, TimeSpan ramp, CancellationToken stop)
    {
        _sink.TrackClients(Probe, clients);
        var context = new ProbeContext(_sink, new FixedPhase("steady"), TimeProvider.System, HostRoutes.None);
        var probe = new WebSocketProbe(
            new WebSocketProbeOptions(Probe, room)
            {
                Clients = clients,
                Stream = new WebSocketStreamCheck(),
                RampDuration = ramp,
                TagClients = true,
                Seed = 1,
            }
        );
        _running = Task.Run(() => probe.RunAsync(context, stop), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running is not null)
            await _running.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }
}

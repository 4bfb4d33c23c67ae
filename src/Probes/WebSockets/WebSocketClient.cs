using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>How one connection attempt went: whether the handshake succeeded and, if the session then ended on its own, why.</summary>
internal readonly record struct SessionOutcome(bool Connected, string? Cause);

/// <summary>
/// One simulated client: waits for its start offset, connects, runs a session, and reconnects as its policy says
/// until the run ends. Measures reconnects: ws_reconnect_time runs from a disconnect to the next successful open.
/// </summary>
internal sealed partial class WebSocketClient(
    int index, WebSocketProbeOptions options, SampleWriter samples, HttpMessageInvoker invoker,
    SemaphoreSlim connectGate, IReconnectPolicy reconnect, TimeSpan startOffset = default, WebSocketProbeReport? report = null,
    RecoveryTracker? recovery = null)
{
    private readonly WebSocketClientTally? _tally = report?.Client(index);
    private long? _disconnectedAt;
    private SampleTags? _disconnectTags;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (startOffset > TimeSpan.Zero && !await samples.Time.DelayAsync(startOffset, cancellationToken).ConfigureAwait(false)) return;
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await RunSessionAsync(cancellationToken).ConfigureAwait(false);
            attempt = outcome.Connected ? 1 : attempt + 1;
            if (reconnect.NextDelay(attempt) is not { } delay)
            {
                await cancellationToken.WhenCancelledAsync().ConfigureAwait(false);
                return;
            }
            if (delay > TimeSpan.Zero && !await samples.Time.DelayAsync(delay, cancellationToken).ConfigureAwait(false)) return;
        }
    }

    /// <summary>Connects and runs one session until the connection ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<SessionOutcome> RunSessionAsync(CancellationToken cancellationToken)
    {
        using var socket = CreateSocket();
        if (!await ConnectAsync(socket, cancellationToken).ConfigureAwait(false)) return new(false, null);
        OnOpened();

        var startTags = samples.TagsNow();
        var started = samples.Time.GetTimestamp();
        var echo = options.Echo is { } e ? new EchoTracker(index, e) : null;
        var session = new WebSocketSession(socket, options, samples, echo, _tally, report);
        var end = await session.RunAsync(cancellationToken).ConfigureAwait(false);

        samples.Add(MetricNames.WsSessionDuration, samples.Time.ElapsedMs(started), startTags);
        if (end is not null)
        {
            // A disconnect is an event at the end, so it carries the phase it happened in.
            _disconnectTags = samples.TagsNow();
            _disconnectedAt = samples.Time.GetTimestamp();
            var tags = _disconnectTags.With("cause", end.Cause).With(SampleWriter.ErrorTag, end.Class);
            samples.Add(MetricNames.WsDisconnects, 1, tags);
            samples.Fail(MetricNames.WsDisconnects, end.Class, end.Message, tags);
            _tally?.Disconnected();
            recovery?.Dropped(index, _disconnectTags, _disconnectedAt.Value);
        }
        return new(true, end?.Cause);
    }

    // A reconnect, and the time it took, belong to the phase in which the connection was lost.
    private void OnOpened()
    {
        var now = samples.Time.GetTimestamp();
        recovery?.Back(index, now);
        if (_disconnectedAt is not { } lost || _disconnectTags is not { } tags) return;
        samples.Add(MetricNames.WsReconnects, 1, tags);
        _tally?.Reconnected();
        samples.Add(MetricNames.WsReconnectTime, samples.Time.GetElapsedTime(lost, now).TotalMilliseconds, tags);
        (_disconnectedAt, _disconnectTags) = (null, null);
    }

    private ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true; // to tag a rejected handshake with its status
        foreach (var (name, value) in options.Headers ?? new Dictionary<string, string>()) socket.Options.SetRequestHeader(name, value);
        foreach (var protocol in options.Subprotocols ?? []) socket.Options.AddSubProtocol(protocol);
        if (options.BearerToken is { } token) socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        return socket;
    }
}

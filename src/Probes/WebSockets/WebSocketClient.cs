using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Websocket.Client;
using Websocket.Client.Exceptions;

namespace Harness.Probes.WebSockets;

/// <summary>How one connection attempt went: whether the handshake succeeded and, if the session then ended on its own, why.</summary>
internal readonly record struct SessionOutcome(bool Connected, string? Cause);

/// <summary>
/// One simulated client: waits for its start offset, connects, runs a session, and reconnects as its policy says
/// until the run ends. Measures reconnects: ws_reconnect_time runs from a disconnect to the next successful open.
/// </summary>
/// <remarks>
/// Each attempt is one Websocket.Client <see cref="WebsocketClient"/> with its own reconnection switched off: our
/// loop and <see cref="IReconnectPolicy"/> decide whether and when the next attempt starts (seeded jitter, the
/// injected clock, the <c>max_connecting</c> gate), which its fixed reconnect timeouts on the system clock cannot.
/// </remarks>
internal sealed partial class WebSocketClient(
    int index,
    WebSocketProbeOptions options,
    SampleWriter samples,
    HttpMessageInvoker invoker,
    SemaphoreSlim connectGate,
    IReconnectPolicy reconnect,
    TimeSpan startOffset = default,
    WebSocketProbeReport? report = null,
    RecoveryTracker? recovery = null
)
{
    private readonly WebSocketClientTally? _tally = report?.Client(index);
    private long? _disconnectedAt;
    private SampleTags? _disconnectTags;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (startOffset > TimeSpan.Zero && !await samples.Time.DelayAsync(startOffset, cancellationToken).ConfigureAwait(false))
            return;
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
            if (delay > TimeSpan.Zero && !await samples.Time.DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>Connects and runs one session until the connection ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<SessionOutcome> RunSessionAsync(CancellationToken cancellationToken)
    {
        var attempt = new Attempt();
        using var connection = new WebsocketClient(options.Url, null, (url, token) => ConnectAsync(attempt, url, token, cancellationToken))
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            ConnectTimeout = Timeout.InfiniteTimeSpan, // ours runs from the attempt on the injected clock (ConnectAsync)
            Name = options.Name,
        };
        attempt.Connection = connection;
        try
        {
            await connection.StartOrFail().ConfigureAwait(false);
        }
        catch (WebsocketException)
        {
            return new(false, null); // the handshake failure (if any) was recorded by ConnectAsync
        }
        if (attempt.Session is not { } session)
            return new(false, null);
        var end = await session.RunAsync(cancellationToken).ConfigureAwait(false);

        samples.Add(MetricNames.WsSessionDuration, samples.Time.ElapsedMs(attempt.Started), attempt.StartTags!);
        if (end is not null)
            Disconnected(end);
        return new(true, end?.Cause);
    }

    private void Disconnected(SessionEnd end)
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

    // A reconnect, and the time it took, belong to the phase in which the connection was lost.
    private void OnOpened()
    {
        var now = samples.Time.GetTimestamp();
        recovery?.Back(index, now);
        if (_disconnectedAt is not { } lost || _disconnectTags is not { } tags)
            return;
        samples.Add(MetricNames.WsReconnects, 1, tags);
        _tally?.Reconnected();
        samples.Add(MetricNames.WsReconnectTime, samples.Time.GetElapsedTime(lost, now).TotalMilliseconds, tags);
        (_disconnectedAt, _disconnectTags) = (null, null);
    }

    private ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true; // to tag a rejected handshake with its status
        foreach (var (name, value) in options.Headers ?? new Dictionary<string, string>())
            socket.Options.SetRequestHeader(name, value);
        foreach (var protocol in options.Subprotocols ?? [])
            socket.Options.AddSubProtocol(protocol);
        if (options.BearerToken is { } token)
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        return socket;
    }

    /// <summary>One attempt: its Websocket.Client, and what a successful handshake left: the session, its start and phase.</summary>
    private sealed class Attempt
    {
        public WebsocketClient? Connection { get; set; }

        public WebSocketSession? Session { get; set; }

        public long Started { get; set; }

        public SampleTags? StartTags { get; set; }
    }
}

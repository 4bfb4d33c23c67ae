using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Websocket.Client;

namespace Harness.Probes.WebSockets;

/// <summary>How a session ended on its own: the <c>cause</c> tag (a close code, "reset", "timeout"), error class and message.</summary>
internal sealed record SessionEnd(string Cause, string Class, string Message);

/// <summary>
/// One open connection: receives and checks messages, sends echo payloads, and ends with the reason it ended
/// (a close code, "reset", "timeout"), or null when the probe itself was stopped.
/// </summary>
/// <remarks>
/// Websocket.Client runs the receive loop: its <see cref="WebsocketClient.MessageReceived"/> hands us each message
/// on that loop, in order, and its <see cref="WebsocketClient.DisconnectionHappened"/> says how the connection
/// ended (close status and description, or the exception). Echo payloads go out through <paramref name="socket"/>, its native
/// <see cref="ClientWebSocket"/>: its own SendInstant drops a message silently when the socket is not open and takes
/// no cancellation, and ws_msgs_sent counts only sends that completed. Created by the handshake, before
/// Websocket.Client starts listening.
/// </remarks>
internal sealed partial class WebSocketSession
{
    private readonly WebsocketClient _connection;
    private readonly ClientWebSocket _socket;
    private readonly WebSocketProbeOptions _options;
    private readonly SampleWriter _samples;
    private readonly EchoTracker? _echo;
    private readonly WebSocketClientTally? _tally;
    private readonly WebSocketProbeReport? _report;
    private readonly StreamFieldReader? _fields;
    private readonly SequenceTracker _sequence = new();
    private readonly FieldMetricReader? _metricFields;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _receiveGate = new();

    // A receive timeout: re-armed after every message, it fires only on silence, and then aborts the connection.
    private readonly CancellationTokenSource? _idle;
    private bool _receiving = true;
    private volatile bool _idleExpired;
    private volatile bool _aborted;
    private volatile bool _libraryAnswersClose;

    public WebSocketSession(
        WebsocketClient connection,
        ClientWebSocket socket,
        WebSocketProbeOptions options,
        SampleWriter samples,
        EchoTracker? echo,
        WebSocketClientTally? tally = null,
        WebSocketProbeReport? report = null
    )
    {
        (_connection, _socket, _options, _samples, _echo, _tally, _report) = (connection, socket, options, samples, echo, tally, report);
        _fields = options.Stream is null ? null : new StreamFieldReader(options.Stream);
        _metricFields = options.MetricFields is { Count: > 0 } m ? new FieldMetricReader(m) : null;
        _lastStreamArrival = samples.Time.GetTimestamp();
        if (options.ReceiveTimeout is { } t)
        {
            _idle = new CancellationTokenSource(t, samples.Time);
            _idle.Token.Register(() => Abort(idle: true));
        }
        connection.MessageReceived.Subscribe(OnResponse);
        connection.DisconnectionHappened.Subscribe(OnDisconnection);
    }

    /// <summary>Runs until the connection ends or <paramref name="cancellationToken"/> fires; never throws for network faults.</summary>
    public async Task<SessionEnd?> RunAsync(CancellationToken cancellationToken)
    {
        // Sends are cut only by this token, so that on cancellation our close frame can still go out and be
        // answered; it is armed below so that a stalled peer cannot hold the session open, and then aborts it.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _samples.Time);
        await using var aborting = abort.Token.Register(() => Abort(idle: false)).ConfigureAwait(false);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = _echo is null ? Task.CompletedTask : EchoLoopAsync(_echo, stopSending.Token, abort.Token);
        var staleness = _options.Stream?.StalenessInterval is { } every ? StalenessLoopAsync(every, stopSending.Token) : Task.CompletedTask;

        await Task.WhenAny(_ended.Task, stopSending.Token.WhenCancelledAsync()).ConfigureAwait(false);
        var stoppedByUs = cancellationToken.IsCancellationRequested;
        abort.CancelAfter(WebSocketProbeDefaults.CloseTimeout * (stoppedByUs ? 2 : 1));
        await stopSending.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
        await staleness.ConfigureAwait(false);
        if (stoppedByUs)
            await _connection.Stop(WebSocketCloseStatus.NormalClosure, "probe stopped").ConfigureAwait(false);
        else if (_libraryAnswersClose)
            await CloseReplyAsync(abort.Token).ConfigureAwait(false);
        if (_socket.State == WebSocketState.CloseReceived)
            await CloseOutputQuietlyAsync(abort.Token).ConfigureAwait(false);

        StopReceiving();
        var lost = _sequence.Flush();
        if (lost > 0)
        {
            _samples.Add(MetricNames.WsMsgsLost, lost, _samples.TagsNow());
            _tally?.Lost(lost);
        }
        _sendLock.Dispose();
        return stoppedByUs || !_ended.Task.IsCompletedSuccessfully ? null : await _ended.Task.ConfigureAwait(false);
    }

    /// <summary>No message is counted after this; the sequence check can be flushed.</summary>
    private void StopReceiving()
    {
        lock (_receiveGate)
            _receiving = false;
        _idle?.Dispose();
    }
}

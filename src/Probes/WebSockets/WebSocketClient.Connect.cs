using System.Globalization;
using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// The opening handshake, as Websocket.Client's connection factory: capped by the shared connect gate (if bounded),
/// timed from the attempt, and classified when it fails. A successful one opens the session before Websocket.Client
/// starts listening, so no message can arrive before the session is there to receive it.
/// </summary>
internal sealed partial class WebSocketClient
{
    private async Task<WebSocket> ConnectAsync(
        Attempt attempt,
        Uri url,
        CancellationToken libraryToken,
        CancellationToken cancellationToken
    )
    {
        var socket = CreateSocket();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, libraryToken);
        if (!await HandshakeAsync(socket, url, linked.Token, cancellationToken).ConfigureAwait(false))
        {
            socket.Dispose();
            // Websocket.Client reports this as a failed start; ws_handshake_failed has been recorded (unless we were stopped).
            throw new WebSocketException(WebSocketError.Faulted, "the handshake failed");
        }
        OnOpened();
        attempt.StartTags = samples.TagsNow();
        attempt.Started = samples.Time.GetTimestamp();
        var echo = options.Echo is { } e ? new EchoTracker(index, e) : null;
        attempt.Session = new WebSocketSession(attempt.Connection!, socket, options, samples, echo, _tally, report);
        return new SizeLimitedWebSocket(socket, options.MaxMessageBytes, samples.Time);
    }

    private async Task<bool> HandshakeAsync(
        ClientWebSocket socket,
        Uri url,
        CancellationToken attemptToken,
        CancellationToken cancellationToken
    )
    {
        // The timeout runs from the attempt, as a real client's would: time spent waiting for a slot counts.
        var tags = samples.TagsNow();
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, samples.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(attemptToken, timeout.Token);
        var started = samples.Time.GetTimestamp();
        try
        {
            await connectGate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(tags, socket, new TimeoutException("no handshake slot"), timedOut: true);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            await socket.ConnectAsync(url, invoker, linked.Token).ConfigureAwait(false);
            samples.Add(MetricNames.WsConnecting, samples.Time.ElapsedMs(started), tags);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            Failed(tags, socket, ex, timeout.IsCancellationRequested);
            return false;
        }
        finally
        {
            connectGate.Release();
        }
    }

    private void Failed(SampleTags tags, ClientWebSocket socket, Exception ex, bool timedOut)
    {
        var (failedTags, errorClass, message) = HandshakeFailure(tags, socket, ex, timedOut);
        samples.Add(MetricNames.WsHandshakeFailed, 1, failedTags);
        samples.Fail(MetricNames.WsHandshakeFailed, errorClass, message, failedTags);
    }

    /// <summary>The failed handshake's tags (status and error class), its class and message.</summary>
    private (SampleTags Tags, string Class, string Message) HandshakeFailure(
        SampleTags tags,
        ClientWebSocket socket,
        Exception ex,
        bool timedOut
    )
    {
        var status = (int)socket.HttpStatusCode;
        var (errorClass, message) =
            status != 0 && status != 101 ? (FailureReason.Handshake(status), FailureReason.DescribeStatus(status))
            : timedOut ? (FailureReason.Timeout, $"handshake not completed within {FailureReason.Seconds(options.ConnectTimeout)}")
            : (FailureReason.Classify(ex), FailureReason.Describe(ex));
        if (status != 0 && status != 101)
            tags = tags.With("status", status.ToString(CultureInfo.InvariantCulture));
        return (tags.With(SampleWriter.ErrorTag, errorClass), errorClass, message);
    }
}

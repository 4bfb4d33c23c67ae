using System.Globalization;
using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>The opening handshake: capped by the shared connect gate, timed, and classified when it fails.</summary>
internal sealed partial class WebSocketClient
{
    private async Task<bool> ConnectAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        var tags = samples.TagsNow();
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, samples.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = samples.Time.GetTimestamp();
        try
        {
            await socket.ConnectAsync(options.Url, invoker, linked.Token).ConfigureAwait(false);
            samples.Add(MetricNames.WsConnecting, samples.Time.ElapsedMs(started), tags);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (FailureReason.IsExpected(ex))
        {
            var (failedTags, errorClass, message) = HandshakeFailure(tags, socket, ex, timeout.IsCancellationRequested);
            samples.Add(MetricNames.WsHandshakeFailed, 1, failedTags);
            samples.Fail(MetricNames.WsHandshakeFailed, errorClass, message, failedTags);
            return false;
        }
        finally
        {
            connectGate.Release();
        }
    }

    /// <summary>The failed handshake's tags (status and error class), its class and message.</summary>
    private (SampleTags Tags, string Class, string Message) HandshakeFailure(
        SampleTags tags, ClientWebSocket socket, Exception ex, bool timedOut)
    {
        var status = (int)socket.HttpStatusCode;
        var (errorClass, message) = status != 0 && status != 101 ? (FailureReason.Handshake(status), FailureReason.DescribeStatus(status))
            : timedOut ? (FailureReason.Timeout, $"handshake not completed within {FailureReason.Seconds(options.ConnectTimeout)}")
            : (FailureReason.Classify(ex), FailureReason.Describe(ex));
        if (status != 0 && status != 101) tags = tags.With("status", status.ToString(CultureInfo.InvariantCulture));
        return (tags.With(SampleWriter.ErrorTag, errorClass), errorClass, message);
    }
}

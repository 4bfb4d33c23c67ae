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
            samples.Add(MetricNames.WsHandshakeFailed, 1, HandshakeFailureTags(tags, socket, ex, timeout.IsCancellationRequested));
            return false;
        }
        finally
        {
            connectGate.Release();
        }
    }

    private static SampleTags HandshakeFailureTags(SampleTags tags, ClientWebSocket socket, Exception ex, bool timedOut)
    {
        var status = (int)socket.HttpStatusCode;
        if (status != 0 && status != 101)
            return tags.With("status", status.ToString(CultureInfo.InvariantCulture)).With("reason", FailureReason.Status);
        return tags.With("reason", timedOut ? FailureReason.Timeout : FailureReason.Classify(ex));
    }
}

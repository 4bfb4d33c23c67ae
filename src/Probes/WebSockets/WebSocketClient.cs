using System.Globalization;
using System.Net.WebSockets;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>One simulated client: connects, runs a session, and reconnects as its policy says until the run ends.</summary>
internal sealed class WebSocketClient(
    int index, WebSocketProbeOptions options, SampleWriter samples, HttpMessageInvoker invoker,
    SemaphoreSlim connectGate, IReconnectPolicy reconnect)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var connected = await RunSessionAsync(cancellationToken).ConfigureAwait(false);
            attempt = connected ? 1 : attempt + 1;
            if (reconnect.NextDelay(attempt) is not { } delay)
            {
                await cancellationToken.WhenCancelledAsync().ConfigureAwait(false);
                return;
            }
            if (!await samples.Time.DelayAsync(delay, cancellationToken).ConfigureAwait(false)) return;
        }
    }

    /// <returns>Whether the handshake succeeded.</returns>
    private async Task<bool> RunSessionAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true; // to tag a rejected handshake with its status
        if (!await ConnectAsync(socket, cancellationToken).ConfigureAwait(false)) return false;

        var startTags = samples.TagsNow();
        var started = samples.Time.GetTimestamp();
        var echo = options.Echo is { } e ? new EchoTracker(index, e.PayloadBytes) : null;
        var cause = await new WebSocketSession(socket, options, samples, echo).RunAsync(cancellationToken).ConfigureAwait(false);

        samples.Add(MetricNames.WsSessionDuration, samples.Time.ElapsedMs(started), startTags);
        // A disconnect is an event at the end, so it carries the phase it happened in.
        if (cause is not null) samples.Add(MetricNames.WsDisconnects, 1, samples.TagsNow().With("cause", cause));
        return true;
    }

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

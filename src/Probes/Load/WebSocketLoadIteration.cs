using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Harness.Probes.WebSockets;

namespace Harness.Probes.Load;

/// <summary>
/// One WebSocket session per iteration, through the WebSocket probe's own client (same handshake, session and
/// samples): connect once, keep the session open for the session duration, close. Succeeds when the handshake
/// worked and the connection lasted until we closed it.
/// </summary>
internal sealed class WebSocketLoadIteration : ILoadIteration
{
    private readonly WebSocketProbeOptions _options;
    private readonly TimeSpan _sessionDuration;
    private readonly SampleWriter _samples;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpMessageInvoker _invoker;
    private readonly SemaphoreSlim _connectGate;

    public WebSocketLoadIteration(WebSocketProbeOptions options, TimeSpan sessionDuration, ProbeContext context, SampleWriter samples)
    {
        (_options, _sessionDuration, _samples) = (options, sessionDuration, samples);
        _handler = RoutedHandler.Create(context.Routes, context.Time);
        _invoker = new HttpMessageInvoker(_handler);
        _connectGate = new SemaphoreSlim(options.MaxConcurrentConnects ?? int.MaxValue);
    }

    public async Task<bool?> RunAsync(int vu, CancellationToken cancellationToken)
    {
        using var session = new CancellationTokenSource(_sessionDuration, _samples.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Token);
        var client = new WebSocketClient(vu, _options, _samples, _invoker, _connectGate, NoReconnectPolicy.Instance);
        var outcome = await client.RunSessionAsync(linked.Token).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
            return null;
        return outcome.Connected && outcome.Cause is null;
    }

    public ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        _handler.Dispose();
        _connectGate.Dispose();
        return ValueTask.CompletedTask;
    }
}

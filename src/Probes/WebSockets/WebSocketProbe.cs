using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Runs <see cref="WebSocketProbeOptions.Clients"/> WebSocket clients against one URL and emits k6-style ws_*
/// samples: handshake time and failures, messages, echo round trips, stream loss/duplication/reordering and
/// frame delay, disconnects and session lengths.
/// </summary>
public sealed class WebSocketProbe : IProbe
{
    private readonly WebSocketProbeOptions _options;

    public WebSocketProbe(WebSocketProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public string Name => _options.Name;

    public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // One handler for all clients: each upgrade gets its own connection, but settings and routing are shared.
        using var handler = RoutedHandler.Create(context.Routes, context.Time);
        using var invoker = new HttpMessageInvoker(handler);
        using var connectGate = new SemaphoreSlim(_options.MaxConcurrentConnects);
        var samples = new SampleWriter(context, Name);
        var reconnect = ReconnectPolicy.From(_options);

        var clients = new Task[_options.Clients];
        for (var i = 0; i < clients.Length; i++)
            clients[i] = new WebSocketClient(i, _options, samples, invoker, connectGate, reconnect).RunAsync(cancellationToken);
        await Task.WhenAll(clients).ConfigureAwait(false);
    }
}

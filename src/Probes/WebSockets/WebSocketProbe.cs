using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Runs <see cref="WebSocketProbeOptions.Clients"/> WebSocket clients against one URL and emits k6-style ws_*
/// samples: handshake time and failures, messages, echo round trips, stream loss/duplication/reordering, frame
/// delay, inter-arrival jitter and staleness, disconnects by cause, reconnects and session lengths.
/// </summary>
public sealed class WebSocketProbe : IProbe
{
    private readonly WebSocketProbeOptions _options;

    public WebSocketProbe(WebSocketProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Report = new WebSocketProbeReport(options.Clients);
    }

    /// <summary>Per-client totals and unreadable stream messages, beyond what samples carry.</summary>
    public WebSocketProbeReport Report { get; }

    public string Name => _options.Name;

    public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // One handler for all clients: each upgrade gets its own connection, but settings and routing are shared.
        using var handler = RoutedHandler.Create(context.Routes, context.Time);
        using var invoker = new HttpMessageInvoker(handler);
        using var connectGate = new SemaphoreSlim(_options.MaxConcurrentConnects ?? int.MaxValue);
        var samples = new SampleWriter(context, Name, _options.Tags);
        var offsets = ConnectRamp.Offsets(_options.Clients, _options.RampDuration, _options.Seed);
        var recovery = new RecoveryTracker(samples);
        var gauge = recovery.SampleAsync(cancellationToken);

        var clients = new Task[_options.Clients];
        for (var i = 0; i < clients.Length; i++)
        {
            var writer = _options.TagClients ? samples.With("client", i.ToString(CultureInfo.InvariantCulture)) : samples;
            var client = new WebSocketClient(
                i,
                _options,
                writer,
                invoker,
                connectGate,
                ReconnectPolicy.For(_options, i),
                offsets[i],
                Report,
                recovery
            );
            clients[i] = client.RunAsync(cancellationToken);
        }
        await Task.WhenAll(clients).ConfigureAwait(false);
        await gauge.ConfigureAwait(false);
        recovery.Finish();
    }
}

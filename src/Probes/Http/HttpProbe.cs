using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>
/// Requests a URL every <see cref="HttpProbeOptions.Interval"/> over one keep-alive connection pool, like a
/// browser tab, and emits k6's http_* samples (duration split into connecting, TLS, waiting and receiving) plus
/// one check per expectation.
/// </summary>
public sealed class HttpProbe : IProbe
{
    private readonly HttpProbeOptions _options;

    public HttpProbe(HttpProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public string Name => _options.Name;

    public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var handler = CreateHandler(context, _options);
        using var invoker = new HttpMessageInvoker(_options.FollowRedirects ? new SameOriginRedirects(handler) : handler);
        var exchange = new HttpExchange(_options, invoker, new SampleWriter(context, Name));
        // A periodic timer keeps request starts on schedule instead of drifting by each request's duration.
        using var timer = new PeriodicTimer(_options.Interval, context.Time);
        do
        {
            await exchange.RunAsync(cancellationToken).ConfigureAwait(false);
        } while (await timer.NextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The routed handler with connect and TLS timing, as the probe and the load driver use it.</summary>
    internal static SocketsHttpHandler CreateHandler(ProbeContext context, HttpProbeOptions options)
    {
        var handler = RoutedHandler.Create(context.Routes, context.Time, ConnectTiming.Record, ConnectTiming.Ready);
        if (options.AllowUntrustedCertificates)
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        return handler;
    }
}

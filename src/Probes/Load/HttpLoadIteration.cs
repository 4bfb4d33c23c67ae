using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>
/// One HTTP request per iteration, through the HTTP probe's own exchange (same samples and checks), over one shared connection pool.
/// </summary>
internal sealed class HttpLoadIteration : ILoadIteration
{
    private readonly SocketsHttpHandler _handler;
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpExchange _exchange;

    public HttpLoadIteration(HttpProbeOptions options, ProbeContext context, SampleWriter samples)
    {
        _handler = HttpProbe.CreateHandler(context, options);
        _invoker = new HttpMessageInvoker(_handler);
        _exchange = new HttpExchange(options, _invoker, samples);
    }

    public async Task<bool?> RunAsync(int vu, CancellationToken cancellationToken) =>
        await _exchange.RunAsync(cancellationToken).ConfigureAwait(false) switch
        {
            null => null,
            var result => result == ExchangeResult.Passed,
        };

    public ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        _handler.Dispose();
        return ValueTask.CompletedTask;
    }
}

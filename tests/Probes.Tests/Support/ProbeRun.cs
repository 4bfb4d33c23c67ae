using System.Net;
using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

/// <summary>A probe running in the background with a collecting sink; disposing it cancels the run and awaits its end.</summary>
internal sealed class ProbeRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private ProbeRun(IProbe probe, HostRoutes routes, TimeProvider time)
    {
        Context = new ProbeContext(Sink, Phase, time, routes) { Errors = Errors };
        Task = Task.Run(() => probe.RunAsync(Context, _stop.Token));
    }

    public CollectingSink Sink { get; } = new();

    public CollectingErrors Errors { get; } = new();

    public TestPhase Phase { get; } = new();

    public ProbeContext Context { get; }

    public Task Task { get; }

    public static ProbeRun Start(IProbe probe, HostRoutes? routes = null, TimeProvider? time = null) =>
        new(probe, routes ?? HostRoutes.None, time ?? TimeProvider.System);

    public static HostRoutes Route(string host, Uri target) =>
        new([new KeyValuePair<string, IPEndPoint>(host, new IPEndPoint(IPAddress.Loopback, target.Port))]);

    /// <summary>Cancels the run and waits (bounded by <paramref name="ct"/>) for RunAsync to return normally.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await StopAsync(bound.Token);
        }
        _stop.Dispose();
    }
}

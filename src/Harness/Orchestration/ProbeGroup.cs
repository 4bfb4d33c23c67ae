using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// The probes of a run: built and prepared before the timeline, started together, stopped together (bounded,
/// idempotent). A probe must report failures as samples; one that throws has crashed, and
/// <paramref name="crashed"/> hears of it as soon as it happens (without one, the crash is only printed).
/// </summary>
internal sealed class ProbeGroup(Action<string> progress, Action<string>? crashed = null)
{
    private readonly List<(string Name, Task Task)> _running = [];
    private readonly Dictionary<string, IProbe> _probes = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stop;

    public IReadOnlyList<ProbeSpec> Specs { get; private set; } = [];

    /// <summary>The probes as built, so what they captured beyond samples (browser artifacts) reaches the results.</summary>
    public IReadOnlyDictionary<string, IProbe> Probes => _probes;

    public Func<ProbeSpec, IProbe>? Factory { get; set; }

    /// <summary>Builds every probe and lets those with a slow start-up do it now, before any phase is timed.</summary>
    /// <exception cref="InfrastructureException">A probe cannot start (its browser does not launch).</exception>
    public async Task PrepareAsync(
        IReadOnlyList<ProbeSpec> specs,
        Func<ProbeSpec, ProbeContext> contexts,
        CancellationToken cancellationToken
    )
    {
        foreach (var spec in specs)
        {
            if (Build(spec) is not IPreparedProbe prepared)
                continue;
            try
            {
                await prepared.PrepareAsync(contexts(spec), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InfrastructureException($"probe {spec.Name} could not start: {e.Message}", e);
            }
        }
    }

    /// <summary>Starts every probe with its own context: probes in different regions route the same host differently.</summary>
    public void Start(IReadOnlyList<ProbeSpec> specs, Func<ProbeSpec, ProbeContext> contexts, CancellationToken interrupt)
    {
        Specs = specs;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        var stop = _stop.Token;
        foreach (var spec in specs)
        {
            var probe = Build(spec);
            var context = contexts(spec);
            _running.Add((spec.Name, Task.Run(() => RunAsync(probe, context, stop), CancellationToken.None)));
        }
    }

    private IProbe Build(ProbeSpec spec)
    {
        if (_probes.TryGetValue(spec.Name, out var built))
            return built;
        return _probes[spec.Name] = (Factory ?? throw new InvalidOperationException("no probe factory"))(spec);
    }

    private async Task RunAsync(IProbe probe, ProbeContext context, CancellationToken stop)
    {
        try
        {
            await probe.RunAsync(context, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e)
        {
            var message = $"probe {probe.Name} crashed: {e.GetType().Name}: {e.Message}";
            progress(message);
            crashed?.Invoke(message);
        }
    }

    public async Task StopAsync(TimeSpan bound)
    {
        if (_stop is null)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var (name, task) in _running)
        {
            try
            {
                await task.WaitAsync(bound).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                progress($"probe {name} did not stop within {bound.TotalSeconds} s; abandoning it");
            }
        }
        _running.Clear();
        _stop.Dispose();
        _stop = null;
    }
}

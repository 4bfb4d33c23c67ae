using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>The probes of a run: started together, stopped together (bounded, idempotent).</summary>
internal sealed class ProbeGroup(Action<string> progress)
{
    private readonly List<(string Name, Task Task)> _running = [];
    private CancellationTokenSource? _stop;

    public IReadOnlyList<ProbeSpec> Specs { get; private set; } = [];

    /// <summary>The probes as built, so what they captured beyond samples (browser artifacts) reaches the results.</summary>
    public IReadOnlyDictionary<string, IProbe> Probes => _probes;

    private readonly Dictionary<string, IProbe> _probes = new(StringComparer.Ordinal);

    public Func<ProbeSpec, IProbe>? Factory { get; set; }

    /// <summary>Starts every probe with its own context: probes in different regions route the same host differently.</summary>
    public void Start(IReadOnlyList<ProbeSpec> specs, Func<ProbeSpec, ProbeContext> contexts, CancellationToken interrupt)
    {
        Specs = specs;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        foreach (var spec in specs)
        {
            var probe = (Factory ?? throw new InvalidOperationException("no probe factory"))(spec);
            _probes[spec.Name] = probe;
            var context = contexts(spec);
            _running.Add((spec.Name, Task.Run(() => probe.RunAsync(context, _stop.Token), CancellationToken.None)));
        }
    }

    public async Task StopAsync(TimeSpan bound)
    {
        if (_stop is null) return;
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
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                // A probe must report failures as samples; one that throws is a bug, surfaced but not fatal to the report.
                progress($"probe {name} crashed: {e.GetType().Name}: {e.Message}");
            }
        }
        _running.Clear();
        _stop.Dispose();
        _stop = null;
    }
}

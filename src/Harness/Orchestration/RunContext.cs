using Harness.Impairment;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// One run's working set, shared by its stages: what it measures into, where it writes, what it launched, and
/// the tokens that end it (an interruption, max_duration, an aborting threshold, a fault such as a dead service).
/// </summary>
internal sealed class RunContext : IDisposable
{
    private readonly CancellationTokenSource _cap;
    private readonly CancellationTokenSource _stop;

    public RunContext(RunState state, string reportDirectory, TimeProvider time, Action<string> progress, CancellationToken interrupt)
    {
        State = state;
        ReportDirectory = reportDirectory;
        Interrupt = interrupt;
        // Tag-scoped thresholds get series of their own; only the scopes the scenario asks for are kept.
        Store = new MetricStore(Scenario.Thresholds.Select(t => t.Scope).OfType<TagScope>());
        _cap = new CancellationTokenSource(Scenario.MaxDuration, time);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt, _cap.Token, Abort.Token, Faults.Token);
        Probes = new ProbeGroup(progress, Faults.Raise);
        Aborter = new ThresholdAborter(Scenario, Store, time, state, Abort, progress);
        Monitor = state.Options.Observer is null ? null : new Monitoring.RunMonitor(Scenario, Store, time);
    }

    public RunState State { get; }

    public Scenario Scenario => State.Scenario;

    public RunOptions Options => State.Options;

    public string ReportDirectory { get; }

    public string ArtifactsDirectory => Path.Combine(ReportDirectory, "artifacts");

    public MetricStore Store { get; }

    public CancellationToken Interrupt { get; }

    public bool CapReached => _cap.IsCancellationRequested;

    public CancellationTokenSource Abort { get; } = new();

    public RunFaults Faults { get; } = new();

    /// <summary>Fires when the run must stop early, whatever the reason.</summary>
    public CancellationToken Token => _stop.Token;

    public ProbeGroup Probes { get; }

    public ThresholdAborter Aborter { get; }

    public Monitoring.RunMonitor? Monitor { get; }

    public Dictionary<string, LaunchedService> Services { get; } = new(StringComparer.Ordinal);

    public ImpairmentSession? Session { get; set; }

    public EmbeddedProxyHost? Embedded { get; set; }

    /// <summary>Packet mode's namespace and link; null in proxy mode.</summary>
    public Harness.Impairment.Packet.Namespaces.PacketNetwork? Packet { get; set; }

    /// <summary>The phase probes tag samples with; null until the network is built.</summary>
    public PhaseClock? Clock { get; set; }

    /// <summary>Each probe's context (its routes, the sink, the clock); null until the probes are built.</summary>
    public Func<ProbeSpec, ProbeContext>? Contexts { get; set; }

    public void Dispose()
    {
        _stop.Dispose();
        _cap.Dispose();
        Abort.Dispose();
        Faults.Dispose();
    }
}

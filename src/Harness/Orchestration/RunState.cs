using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>What the runner learns as a run goes on; turned into <see cref="RunResults"/> at the end.</summary>
internal sealed class RunState(Scenario scenario, int seed, string runId, RunOptions options, DateTimeOffset startedAt)
{
    public Scenario Scenario { get; } = scenario;

    public int Seed { get; } = seed;

    public string RunId { get; } = runId;

    public RunOptions Options { get; } = options;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public RunStatus Status { get; set; } = RunStatus.Error;

    public List<string> Errors { get; } = [];

    /// <summary>Written by the timeline only; other threads ask <see cref="HasEntered"/>.</summary>
    public List<PhaseResult> Phases { get; } = [];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _entered = new(StringComparer.Ordinal);

    /// <summary>Whether a phase of this name has started; safe to ask from any thread while the timeline runs.</summary>
    public bool HasEntered(string phase) => _entered.ContainsKey(phase);

    public void Enter(PhaseResult phase)
    {
        Phases.Add(phase);
        _entered[phase.Name] = true;
    }

    public List<ProxyResult> Proxies { get; } = [];

    public List<EventResult> Events { get; } = [];

    public List<ServiceResult> Services { get; } = [];

    public (string Kind, string Url, string? Version) Toxiproxy { get; set; } = ("none", "", null);

    /// <summary>Each probe's named checks, counted as the samples pass.</summary>
    public CheckTally Checks { get; } = new();

    /// <summary>Bytes per proxy and phase, when the server counts them (the embedded one does); null otherwise.</summary>
    public ProxyTrafficMeter? Traffic { get; set; }

    /// <summary>Packet mode's link counters per phase, set when the link is taken down.</summary>
    public PacketModeResult? Packet { get; set; }

    /// <summary>What the server-to-server links carried, watched from when the network is built; null before.</summary>
    public LinkObserver? Links { get; set; }

    /// <summary>The measurement-health sampler while the timeline runs; null before it starts.</summary>
    public Health.HealthSampler? Health { get; set; }

    public void Fail(RunStatus status, string error)
    {
        Status = status;
        Errors.Add(error);
    }

    /// <summary>Something went wrong that makes the verdict untrustworthy (exit 3); an interruption still says interrupted.</summary>
    public void Problem(string error)
    {
        if (Status != RunStatus.Interrupted)
            Status = RunStatus.Error;
        Errors.Add(error);
    }
}

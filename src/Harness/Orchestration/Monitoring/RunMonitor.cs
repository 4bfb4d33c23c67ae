using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration.Monitoring;

/// <summary>
/// The live state of one run for whoever watches it: the runner tells it when each phase starts and hands the
/// probes its sink; <see cref="Snapshot"/> then computes the current phase, clients, recent percentiles and
/// threshold states on demand, from any thread. Thresholds are judged by the same evaluator as the final
/// verdict, over everything recorded so far, so a state shown as failing is what the report would say now.
/// </summary>
public sealed class RunMonitor
{
    private readonly Scenario _scenario;
    private readonly MetricStore _store;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly Dictionary<string, ProbeActivity> _probes;
    private readonly List<(int Index, DateTimeOffset Started)> _phases = [];
    private readonly object _gate = new();
    private DateTimeOffset? _finished;
    private int _version;
    private volatile Judged? _judged;

    internal RunMonitor(Scenario scenario, MetricStore store, TimeProvider time, TimeSpan? window = null)
    {
        _scenario = scenario;
        _store = store;
        _time = time;
        _started = time.GetUtcNow();
        _probes = scenario.Probes.ToDictionary(
            p => p.Name,
            p => new ProbeActivity(p, window ?? MonitorDefaults.Window),
            StringComparer.Ordinal
        );
        Sink = new MonitoredSink(store, _probes);
    }

    /// <summary>Where the probes of a watched run write: the run's store, seen on the way.</summary>
    internal ISampleSink Sink { get; }

    /// <summary>The probes' contexts with their samples passing through this monitor.</summary>
    internal Func<ProbeSpec, ProbeContext> Observe(Func<ProbeSpec, ProbeContext> contexts) => spec => contexts(spec) with { Sink = Sink };

    /// <summary>The timeline entered phase <paramref name="index"/> (of the scenario's timeline) at <paramref name="started"/>.</summary>
    internal void PhaseEntered(int index, DateTimeOffset started)
    {
        lock (_gate)
        {
            _phases.Add((index, started));
            _version++;
        }
    }

    /// <summary>The timeline and probes stopped: elapsed times and windows stop here.</summary>
    internal void Finish()
    {
        lock (_gate)
        {
            _finished ??= _time.GetUtcNow();
            _version++;
        }
    }

    public RunSnapshot Snapshot()
    {
        List<(int Index, DateTimeOffset Started)> phases;
        DateTimeOffset now;
        int version;
        lock (_gate)
        {
            phases = [.. _phases];
            now = _finished ?? _time.GetUtcNow();
            version = _version;
        }
        PhaseSnapshot? phase = null;
        if (phases.Count > 0)
        {
            var (index, started) = phases[^1];
            var spec = _scenario.Timeline[index];
            phase = new PhaseSnapshot(spec.Name, index + 1, spec.Duration, Max(now - started));
        }
        return new RunSnapshot(
            _scenario.DisplayName,
            Max(now - _started),
            phase,
            _scenario.Timeline.Count,
            _finished is not null,
            _scenario.Probes.Select(p => _probes[p.Name].Snapshot(now)).ToList(),
            JudgeAll(phases, now, version)
        );
    }

    /// <summary>
    /// Judging a threshold merges everything its series recorded, so its cost grows with the run. States are
    /// therefore reused for at least <see cref="MonitorDefaults.ThresholdRefresh"/> and for twenty times as long as
    /// judging took (at most a twentieth of a core however long the run); a new phase or the run's end judges afresh.
    /// </summary>
    private IReadOnlyList<ThresholdSnapshot> JudgeAll(List<(int Index, DateTimeOffset Started)> phases, DateTimeOffset now, int version)
    {
        var judged = _judged;
        if (judged is not null && judged.Version == version && now - judged.At < judged.ValidFor)
            return judged.States;
        var started = _time.GetTimestamp();
        var states = _scenario.Thresholds.Select(t => Judge(t, phases, now)).ToList();
        var cost = _time.GetElapsedTime(started);
        _judged = new Judged(
            states,
            version,
            now,
            cost * 20 > MonitorDefaults.ThresholdRefresh ? cost * 20 : MonitorDefaults.ThresholdRefresh
        );
        return states;
    }

    private sealed record Judged(IReadOnlyList<ThresholdSnapshot> States, int Version, DateTimeOffset At, TimeSpan ValidFor);

    private ThresholdSnapshot Judge(ThresholdSpec threshold, List<(int Index, DateTimeOffset Started)> phases, DateTimeOffset now)
    {
        var phase = threshold.Expression.Phase;
        // A phase's window is every occurrence of its name so far (a repeated phase counts each time), as in the results.
        var window = TimeSpan.Zero;
        for (var i = 0; i < phases.Count; i++)
        {
            if (phase is not null && _scenario.Timeline[phases[i].Index].Name != phase)
                continue;
            window += Max((i + 1 < phases.Count ? phases[i + 1].Started : now) - phases[i].Started);
        }
        var entered = phase is null ? phases.Count > 0 : phases.Any(p => _scenario.Timeline[p.Index].Name == phase);
        if (!entered)
            return new ThresholdSnapshot(threshold.Probe, threshold.Source, ThresholdState.NoData, null);
        var outcome = ThresholdEvaluator.Evaluate(threshold.Expression, threshold.Probe, threshold.Tags, _store, window);
        var state =
            outcome.Observed is null ? ThresholdState.NoData
            : outcome.Passed ? ThresholdState.Passing
            : ThresholdState.Failing;
        return new ThresholdSnapshot(threshold.Probe, threshold.Source, state, outcome.Observed)
        {
            ObservedText = outcome.Observed is { } v
                ? Reports.ReportFormat.Measured(v, threshold.Expression.Metric, threshold.Expression.AggregationText)
                : null,
        };
    }

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}

using Harness.Metrics;
using Harness.Metrics.Thresholds;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>Summarises a run's samples per probe, metric and phase, evaluates its thresholds and decides the verdict.</summary>
internal static class ResultsBuilder
{
    public static RunResults Build(RunState state, MetricStore store, ProbeGroup probes, string reportDirectory, DateTimeOffset finishedAt)
    {
        var scenario = state.Scenario;
        // A repeated phase contributes every occurrence to its name's window.
        var phaseWindows = state
            .Phases.GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.EndedAt - p.StartedAt)), StringComparer.Ordinal);
        var total = phaseWindows.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var probeResults = scenario
            .Probes.Select(p =>
                BrowserDetails.Attach(
                    new ProbeResult(p.Name, Kind(p), p.Url.ToString(), Metrics(store, p.Name, state.Phases, phaseWindows, total)),
                    probes.Probes.GetValueOrDefault(p.Name),
                    reportDirectory
                ) with
                {
                    WebSocket = WebSocketDetailsOf(probes.Probes.GetValueOrDefault(p.Name)),
                    Load = LoadPlanOf(p),
                    Checks = state.Checks.For(p.Name),
                }
            )
            .Select(p => p with { Errors = store.Errors.For(p.Name) })
            .ToList();
        var thresholds = state.Phases.Count == 0 ? [] : scenario.Thresholds.Select(t => Evaluate(t, store, phaseWindows, total)).ToList();
        var status = state.Status;
        if (status == RunStatus.Passed && thresholds.Any(t => !t.Passed))
            status = RunStatus.Failed;
        var errors = state.Errors.ToList();
        // A run that got nowhere near its target cannot pass or fail on thresholds: it is an error.
        if (
            status is RunStatus.Passed or RunStatus.Failed
            && TargetUsability.Problems(scenario, store, phaseWindows, state.Proxies) is { Count: > 0 } unusable
        )
        {
            status = RunStatus.Error;
            errors.AddRange(unusable);
        }
        var exitCode = status switch
        {
            RunStatus.Passed => ExitCodes.Passed,
            RunStatus.Failed => ExitCodes.ThresholdsFailed,
            RunStatus.Interrupted => ExitCodes.Interrupted,
            _ => ExitCodes.InfrastructureUnusable,
        };
        var health = Health.HealthReport.Build(state.Health, state.Phases);
        var probeErrors = probeResults.ToDictionary(p => p.Name, p => p.Errors, StringComparer.Ordinal);
        if (health is not null)
            (status, exitCode, health) = Health.SaturationVerdict.Apply(status, exitCode, thresholds, health, probeErrors);
        return GrayRelease.GrayReleaseVerdict.Apply(
            new RunResults(
                RunResults.CurrentSchemaVersion,
                state.RunId,
                status,
                exitCode,
                new ScenarioInfo(scenario.Name, scenario.Description, scenario.Tags, scenario.SourcePath, state.Seed, scenario.ResolvedYaml)
                {
                    Cell = scenario.Cell?.Name,
                },
                state.StartedAt,
                finishedAt,
                state.Options.Command,
                new EnvironmentInfo(
                    Environment.MachineName,
                    System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                    System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                    typeof(ResultsBuilder).Assembly.GetName().Version?.ToString() ?? "0",
                    state.Toxiproxy.Kind,
                    state.Toxiproxy.Url,
                    state.Toxiproxy.Version
                ),
                state.Services,
                state
                    .Proxies.Select(p => p with { PhaseBytes = state.Traffic?.PhasesOf(p.Name), Link = state.Links?.ResultFor(p.Name) })
                    .ToList(),
                state.Phases,
                probeResults,
                thresholds,
                state.Events.OrderBy(e => e.FiredAt).ToList(),
                errors
            )
            {
                Health = health,
                Packet = state.Packet,
            },
            scenario
        );
    }

    private static string Kind(ProbeSpec probe) =>
        probe switch
        {
            HttpProbeSpec => "http",
            WebSocketProbeSpec => "websocket",
            BrowserProbeSpec => "browser",
            LoadProbeSpec => "load",
            _ => "unknown",
        };

    private static WebSocketDetails? WebSocketDetailsOf(IProbe? probe)
    {
        if (probe is not Harness.Probes.WebSockets.WebSocketProbe ws)
            return null;
        var report = ws.Report;
        return new WebSocketDetails(
            report
                .Clients.Select(c => new WebSocketClientResult(
                    c.Client,
                    c.Received,
                    c.Lost,
                    c.Duplicated,
                    c.Reordered,
                    c.Disconnects,
                    c.Reconnects
                ))
                .ToList(),
            report.UnreadMessages,
            report.UnreadExamples
        );
    }

    internal static LoadPlanResult? LoadPlanOf(ProbeSpec spec)
    {
        if (spec is not LoadProbeSpec load)
            return null;
        var e = load.Executor;
        var ms = e.TotalDuration.TotalMilliseconds;
        return e switch
        {
            Harness.Probes.Load.ConstantArrivalRate c => new LoadPlanResult(
                e.Kind,
                ms,
                c.Rate / c.TimeUnit.TotalSeconds,
                c.Rate / c.TimeUnit.TotalSeconds * c.Duration.TotalSeconds,
                null,
                c.MaxVus,
                load.Iterations
            ),
            // Each stage moves the rate linearly, so the planned iterations are the area under that line.
            Harness.Probes.Load.RampingArrivalRate r => new LoadPlanResult(
                e.Kind,
                ms,
                r.Stages.Select(s => s.Target).Append(r.StartRate).Max() / r.TimeUnit.TotalSeconds,
                r.Stages.Aggregate((From: (double)r.StartRate, Sum: 0.0), (a, s) =>
                    (s.Target, a.Sum + (a.From + s.Target) / 2 * s.Duration.TotalSeconds)
                ).Sum / r.TimeUnit.TotalSeconds,
                null,
                r.MaxVus,
                load.Iterations
            ),
            Harness.Probes.Load.ConstantVus c => new LoadPlanResult(e.Kind, ms, null, null, c.Vus, null, load.Iterations),
            Harness.Probes.Load.RampingVus r => new LoadPlanResult(
                e.Kind,
                ms,
                null,
                null,
                r.Stages.Select(s => s.Target).Append(r.StartVus).Max(),
                null,
                load.Iterations
            ),
            _ => new LoadPlanResult(e.Kind, ms, null, null, null, null, load.Iterations),
        };
    }

    private static List<MetricResult> Metrics(
        MetricStore store,
        string probe,
        List<PhaseResult> phases,
        Dictionary<string, TimeSpan> windows,
        TimeSpan total
    ) =>
        store
            .Keys.Where(k => k.Probe == probe)
            .Select(k => k.Metric)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(metric =>
            {
                var info = MetricNames.All.GetValueOrDefault(metric) ?? new MetricInfo(MetricKind.Trend, "");
                var perPhase = phases
                    .Select(p => p.Name)
                    .Distinct(StringComparer.Ordinal)
                    .ToDictionary(p => p, p => store.Summarize(probe, metric, p, windows[p]), StringComparer.Ordinal);
                return new MetricResult(
                    metric,
                    info.Kind.ToString().ToLowerInvariant(),
                    info.Unit,
                    store.Summarize(probe, metric, null, total),
                    perPhase,
                    store.Timeline(probe, metric)
                )
                {
                    Breakdown = store.Breakdowns.Results(probe, metric, windows, total),
                };
            })
            .ToList();

    private static ThresholdResult Evaluate(
        ThresholdSpec threshold,
        MetricStore store,
        Dictionary<string, TimeSpan> windows,
        TimeSpan total
    )
    {
        var e = threshold.Expression;
        var window = e.Phase is null ? total : windows.GetValueOrDefault(e.Phase);
        var outcome =
            e.Phase is not null && !windows.ContainsKey(e.Phase)
                ? new ThresholdOutcome(null, false, $"phase {e.Phase} did not run")
                : ThresholdEvaluator.Evaluate(e, threshold.Probe, threshold.Tags, store, window);
        return new ThresholdResult(
            threshold.Probe,
            threshold.Source,
            e.Metric,
            e.Phase,
            e.AggregationText,
            e.OperatorText,
            e.Limit,
            outcome.Observed,
            outcome.Passed,
            outcome.Detail
        )
        {
            Tags = threshold.Tags?.Values,
            When = threshold.When,
        };
    }
}

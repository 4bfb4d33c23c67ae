using System.Globalization;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>What one run produced: its results and where its reports were written.</summary>
public sealed record RunOutcome(RunResults Results, string ReportDirectory);

/// <summary>
/// Runs one validated scenario in named stages (services, network, probes, timeline), then evaluates thresholds
/// and writes the reports. Each stage pushes the undoing of what it created onto a <see cref="CleanupStack"/>;
/// whatever happens, every cleanup runs (one failing never skips another) and results.json is written with the
/// run's status.
/// </summary>
public sealed partial class ScenarioRunner(TimeProvider time, Action<string> progress)
{
    private static readonly TimeSpan ProbeStopBound = TimeSpan.FromSeconds(15);

    public async Task<RunOutcome> RunAsync(Scenario scenario, RunOptions options, CancellationToken interrupt)
    {
        using var run = Begin(ServiceLinkPorts.Assign(scenario), options, interrupt);
        var cleanups = new CleanupStack();
        try
        {
            Watch(run, cleanups);
            StartPacketNetwork(run, cleanups);
            await StartServicesAsync(run, cleanups).ConfigureAwait(false);
            await BuildNetworkAsync(run, cleanups).ConfigureAwait(false);
            await PrepareProbesAsync(run, cleanups).ConfigureAwait(false);
            await RunTimelineAsync(run).ConfigureAwait(false);
            run.State.Status = RunStatus.Passed;
        }
        catch (Exception e)
        {
            await ConcludeAsync(run, e).ConfigureAwait(false);
        }
        finally
        {
            var failures = await cleanups.UnwindAsync().ConfigureAwait(false);
            foreach (var error in run.Faults.Errors.Concat(failures))
                run.State.Problem(error);
        }
        return await WriteReportsAsync(run).ConfigureAwait(false);
    }

    private RunContext Begin(Scenario scenario, RunOptions options, CancellationToken interrupt)
    {
        var startedAt = time.GetUtcNow();
        var seed = options.Seed ?? scenario.Seed ?? Random.Shared.Next();
        var reportDirectory = options.Placement?.Directory
            ?? ReportWriter.CreateRunDirectory(
                options.ReportRoot,
                startedAt,
                scenario.Cell is null ? scenario.Name : $"{scenario.Name}-{scenario.Cell.Slug}"
            );
        Directory.CreateDirectory(reportDirectory);
        var runId = options.Placement?.RunId ?? Path.GetFileName(reportDirectory);
        var state = new RunState(scenario, seed, runId, options, startedAt);
        progress($"run {runId}: seed {seed.ToString(CultureInfo.InvariantCulture)}, report in {reportDirectory}");
        return new RunContext(state, reportDirectory, time, progress, interrupt);
    }

    /// <summary>Why the stages stopped early, as the run's status and error.</summary>
    private async Task ConcludeAsync(RunContext run, Exception e)
    {
        var state = run.State;
        switch (e)
        {
            case OperationCanceledException when run.Interrupt.IsCancellationRequested:
                state.Fail(RunStatus.Interrupted, "interrupted: the run was stopped before its timeline ended");
                break;
            case OperationCanceledException when run.Faults.Raised:
                break; // the faults themselves are the errors; they are added once the cleanups have run
            case OperationCanceledException when run.Abort.IsCancellationRequested:
                state.Fail(RunStatus.Failed, run.Aborter.Reason ?? "aborted by a threshold");
                break;
            case OperationCanceledException when run.CapReached:
                var cap = run.Scenario.MaxDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                state.Fail(RunStatus.Error, $"stopped: the run exceeded max_duration ({cap}s)");
                break;
            case InfrastructureException:
                state.Fail(RunStatus.Error, e.Message);
                break;
            default:
                await RecordCrashAsync(run, e).ConfigureAwait(false);
                break;
        }
    }

    // A bug of ours must still end in a report and a clean machine; the stack goes to an artifact, not the console.
    private static async Task RecordCrashAsync(RunContext run, Exception e)
    {
        var crash = Path.Combine(run.ArtifactsDirectory, "harness-error.txt");
        var where = "details in artifacts/harness-error.txt";
        try
        {
            Directory.CreateDirectory(run.ArtifactsDirectory);
            await File.WriteAllTextAsync(crash, e.ToString(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException io)
        {
            where = $"its details could not be saved ({io.Message})";
        }
        run.State.Fail(RunStatus.Error, $"internal error ({e.GetType().Name}: {e.Message}); {where}");
    }

    private async Task<RunOutcome> WriteReportsAsync(RunContext run)
    {
        var state = run.State;
        state.Services.Sort((a, b) => Index(run.Scenario, a.Name).CompareTo(Index(run.Scenario, b.Name)));
        var redactor = new Scenarios.Loading.Redactor(run.Scenario.Secrets);
        // Every artifact is closed by now (services stopped, traces saved): mask them, name what cannot be searched.
        var results = ResultsBuilder.Build(state, run.Store, run.Probes, run.ReportDirectory, time.GetUtcNow()) with
        {
            SecretsMayRemainIn = Secrets.ArtifactRedaction.Apply(run.ReportDirectory, redactor),
        };
        var written = await ReportWriter
            .WriteAllAsync(results, run.ReportDirectory, redactor, CancellationToken.None, progress, run.Options.Placement?.HistoryPath)
            .ConfigureAwait(false);
        return new RunOutcome(written, run.ReportDirectory);
    }

    private static int Index(Scenario scenario, string service) => scenario.Services.ToList().FindIndex(s => s.Name == service);
}

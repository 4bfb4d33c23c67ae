using Harness.Probes.Internal;

namespace Harness.Probes.Browser;

/// <summary>Runs one participant's iterations: once, or on a fixed schedule until cancelled.</summary>
internal sealed class ParticipantLoop(ParticipantPlan plan, BrowserRun run)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var samples = new ParticipantSamples(run.Samples, plan.Tags);
        // A periodic timer keeps iteration starts on schedule; a slow iteration delays the next one, never overlaps it.
        using var timer = run.Options.Every is { } every ? new PeriodicTimer(every, run.Time) : null;
        var iteration = 0;
        do
        {
            if (cancellationToken.IsCancellationRequested)
                return;
            await new IterationRunner(plan, run, samples, ++iteration).RunAsync(cancellationToken).ConfigureAwait(false);
        } while (timer is not null && await timer.NextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}

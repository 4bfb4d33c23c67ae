using Harness.Orchestration;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>
/// The runner's phase walk without probes: at each boundary the previous phase's toxics go and the next one's come
/// (the runner's <see cref="ImpairmentSession"/>), and its events fire through the runner's own <see cref="PhaseEvents"/>.
/// </summary>
internal sealed class TimelineWalker(ImpairedServer server)
{
    public async Task<TimelineResult> RunAsync(IReadOnlyList<PhaseSpec> phases, CancellationToken cancellationToken)
    {
        var session = server.Session;
        var time = server.Time;
        var results = new List<PhaseResult>();
        var events = new List<EventResult>();
        try
        {
            foreach (var phase in phases)
            {
                await Guard.RunAsync(() => session.RemovePhaseToxicsAsync(cancellationToken)).ConfigureAwait(false);
                var applied = await Guard.RunAsync(() => session.ApplyAsync(phase, cancellationToken)).ConfigureAwait(false);
                var started = time.GetUtcNow();
                server.Log($"phase {phase.Name}: {phase.Duration.TotalSeconds}s, {applied.Count} toxic(s)");
                await RunPhaseAsync(phase, started, events, cancellationToken).ConfigureAwait(false);
                results.Add(
                    new PhaseResult(
                        phase.Name,
                        started,
                        time.GetUtcNow(),
                        phase.Duration.TotalMilliseconds,
                        applied.Zip(phase.Toxics, (info, spec) => ToxicResults.From(spec.Proxy, info)).ToList()
                    )
                );
            }
        }
        finally
        {
            await Guard.RunAsync(() => session.RemovePhaseToxicsAsync(CancellationToken.None)).ConfigureAwait(false);
        }
        return new TimelineResult(results, events);
    }

    private async Task RunPhaseAsync(PhaseSpec phase, DateTimeOffset started, List<EventResult> log, CancellationToken cancellationToken)
    {
        var time = server.Time;
        using var phaseEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = new PhaseEvents(time, server.Session, server.Log).RunAsync(phase, started, log, phaseEnd.Token);
        try
        {
            var remaining = phase.Duration - (time.GetUtcNow() - started);
            var delay = remaining > TimeSpan.Zero ? Task.Delay(remaining, time, cancellationToken) : Task.CompletedTask;
            // As in a run: an event the server refuses ends the phase at once.
            if (await Task.WhenAny(delay, events).ConfigureAwait(false) == events && events.IsFaulted)
            {
                await Guard.RunAsync(() => events).ConfigureAwait(false);
            }
            await delay.ConfigureAwait(false);
        }
        finally
        {
            await phaseEnd.CancelAsync().ConfigureAwait(false);
            await events.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}

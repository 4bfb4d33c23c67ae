using Harness.Probes.Abstractions;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Walks the phases: at each boundary the previous phase's toxics are removed and the next one's added
/// before the phase clock moves, so every sample tagged with a phase started under that phase's impairment.
/// </summary>
internal sealed class Timeline(
    TimeProvider time,
    ImpairmentSession session,
    PhaseClock clock,
    ProbeGroup probes,
    Action<string> progress,
    Action<int, DateTimeOffset>? phaseEntered = null
)
{
    public Task RunAsync(Scenario scenario, ProbeContext context, RunState state, CancellationToken interrupt) =>
        RunAsync(scenario, _ => context, state, interrupt);

    public async Task RunAsync(Scenario scenario, Func<ProbeSpec, ProbeContext> contexts, RunState state, CancellationToken interrupt)
    {
        if (state.Traffic is { } traffic)
            await traffic.StartAsync().ConfigureAwait(false);
        for (var i = 0; i < scenario.Timeline.Count; i++)
        {
            var phase = scenario.Timeline[i];
            await session.RemovePhaseToxicsAsync(interrupt).ConfigureAwait(false);
            var applied = await session.ApplyAsync(phase, interrupt).ConfigureAwait(false);
            clock.Enter(phase.Name);
            var started = time.GetUtcNow();
            var record = new PhaseResult(
                phase.Name,
                started,
                started,
                phase.Duration.TotalMilliseconds,
                applied.Zip(phase.Toxics, (info, spec) => ToxicResults.From(spec.Proxy, info)).ToList()
            );
            state.Enter(record);
            phaseEntered?.Invoke(i, started);
            progress(
                $"phase {phase.Name}: {phase.Duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s, {(applied.Count == 0 ? "no phase toxics" : string.Join(", ", record.Toxics.Select(t => $"{t.Type} {t.Stream} on {t.Proxy}")))}"
            );
            if (i == 0)
                probes.Start(scenario.Probes, contexts, interrupt);
            using var phaseEnd = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
            var events = new PhaseEvents(time, session, progress, probes.Probes).RunAsync(phase, started, state.Events, phaseEnd.Token);
            try
            {
                // Measured from the phase's start, so time spent starting probes does not stretch the phase.
                var remaining = phase.Duration - (time.GetUtcNow() - started);
                var phaseDelay = remaining > TimeSpan.Zero ? Task.Delay(remaining, time, interrupt) : Task.CompletedTask;
                // An event that fails (the API refused it) ends the phase at once: the run no longer does what the scenario says.
                if (await Task.WhenAny(phaseDelay, events).ConfigureAwait(false) == events && events.IsFaulted)
                    await events.ConfigureAwait(false);
                await phaseDelay.ConfigureAwait(false);
            }
            finally
            {
                state.Phases[^1] = record with { EndedAt = time.GetUtcNow() };
                if (state.Traffic is { } counters)
                    await counters.PhaseEndedAsync(phase.Name).ConfigureAwait(false);
                await phaseEnd.CancelAsync().ConfigureAwait(false);
                await events.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        await probes.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        await session.RemovePhaseToxicsAsync(interrupt).ConfigureAwait(false);
    }
}

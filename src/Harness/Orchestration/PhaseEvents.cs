using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Fires a phase's events at their offsets from the phase start. Stopped when the phase ends: a flap leaves
/// its proxy enabled, a ramp stops where it is (the phase's toxics are removed next anyway). A browser_network
/// change outlives its phase, like disable: it stays until another event changes it.
/// </summary>
/// <param name="probes">The running probes by name; browser_network events reach browser probes through it.</param>
internal sealed class PhaseEvents(
    TimeProvider time,
    ImpairmentSession session,
    Action<string> progress,
    IReadOnlyDictionary<string, IProbe>? probes = null
)
{
    private static readonly TimeSpan RampStep = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(PhaseSpec phase, DateTimeOffset phaseStart, List<EventResult> log, CancellationToken phaseEnd)
    {
        await Task.WhenAll(phase.Events.Select(e => RunOneAsync(phase.Name, e, phaseStart, log, phaseEnd))).ConfigureAwait(false);
    }

    private async Task RunOneAsync(
        string phase,
        PhaseEventSpec e,
        DateTimeOffset phaseStart,
        List<EventResult> log,
        CancellationToken phaseEnd
    )
    {
        try
        {
            await DelayUntilAsync(phaseStart + e.At, phaseEnd).ConfigureAwait(false);
            var firedAt = time.GetUtcNow();
            progress($"event {phase}+{e.At.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s: {e.Action.Describe()}");
            lock (log)
                log.Add(new EventResult(phase, e.At.TotalMilliseconds, e.Action.Describe(), firedAt));
            await ExecuteAsync(e.Action, phaseEnd).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (phaseEnd.IsCancellationRequested) { }
    }

    private Task ExecuteAsync(PhaseEventAction action, CancellationToken phaseEnd) =>
        action switch
        {
            ResetConnectionsAction reset => session.ResetConnectionsAsync(reset.Proxy, phaseEnd),
            SetProxyEnabledAction toggle => session.SetEnabledAsync(toggle.Proxy, toggle.Enabled, phaseEnd),
            FlapAction flap => FlapAsync(flap, phaseEnd),
            RampAction ramp => RampAsync(ramp, phaseEnd),
            BrowserNetworkAction browser => BrowserNetworkAsync(browser),
            _ => throw new NotSupportedException(action.GetType().Name),
        };

    private async Task BrowserNetworkAsync(BrowserNetworkAction action)
    {
        var targets = (probes ?? new Dictionary<string, IProbe>())
            .Values.OfType<BrowserProbe>()
            .Where(p =>
                (action.Probe is null || p.Name == action.Probe) && (action.Participant is null || p.Network.Knows(action.Participant))
            )
            .ToList();
        var pages = 0;
        foreach (var probe in targets)
            pages += await probe.Network.ApplyAsync(action.Participant, action.Conditions).ConfigureAwait(false);
        // Zero live pages is no failure: a participant between iterations takes the change when its next page opens.
        progress(
            string.Create(
                CultureInfo.InvariantCulture,
                $"browser network changed on {pages} live page(s) of {string.Join(", ", targets.Select(p => p.Name))}"
            )
        );
    }

    private async Task FlapAsync(FlapAction flap, CancellationToken phaseEnd)
    {
        try
        {
            for (var cycle = time.GetUtcNow(); ; cycle += flap.Period)
            {
                await session.SetEnabledAsync(flap.Proxy, false, phaseEnd).ConfigureAwait(false);
                await DelayUntilAsync(cycle + flap.Down, phaseEnd).ConfigureAwait(false);
                await session.SetEnabledAsync(flap.Proxy, true, phaseEnd).ConfigureAwait(false);
                await DelayUntilAsync(cycle + flap.Period, phaseEnd).ConfigureAwait(false);
            }
        }
        finally
        {
            // Never leave a partition behind a flap: the next phase expects the proxy up.
            await session.SetEnabledAsync(flap.Proxy, true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RampAsync(RampAction ramp, CancellationToken phaseEnd)
    {
        var start = time.GetUtcNow();
        long? last = null;
        while (true)
        {
            var fraction = Math.Min(1, (time.GetUtcNow() - start) / ramp.Over);
            var value = (long)Math.Round(ramp.From + (ramp.To - ramp.From) * fraction);
            if (value != last)
                await session.UpdateToxicAttributeAsync(ramp.Proxy, ramp.Toxic, ramp.Attribute, value, phaseEnd).ConfigureAwait(false);
            last = value;
            if (fraction >= 1)
                return;
            await Task.Delay(RampStep, time, phaseEnd).ConfigureAwait(false);
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }
}

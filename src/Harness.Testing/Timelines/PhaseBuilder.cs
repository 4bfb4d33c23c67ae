using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>One phase of a <see cref="Timeline"/>: toxics present for the whole phase and events at offsets from its start.</summary>
public sealed class PhaseBuilder
{
    private readonly List<(string Proxy, Toxic Toxic)> _toxics = [];
    private readonly List<PhaseEventSpec> _events = [];

    internal PhaseBuilder(string name, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"phase {name}: the duration must be greater than zero", nameof(duration));
        }
        Name = name;
        Duration = duration;
    }

    /// <summary>The phase's name (results and thresholds such as <c>{phase:degraded}</c> use it).</summary>
    public string Name { get; }

    /// <summary>How long it lasts.</summary>
    public TimeSpan Duration { get; }

    internal IReadOnlyList<(string Proxy, Toxic Toxic)> Toxics => _toxics;

    internal IReadOnlyList<PhaseEventSpec> Events => _events;

    /// <summary>Adds <paramref name="toxic"/> to <paramref name="proxy"/> while the phase lasts.</summary>
    public PhaseBuilder Toxic(string proxy, Toxic toxic)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        toxic.Validate();
        _toxics.Add((proxy, toxic));
        return this;
    }

    /// <summary>Drops every connection of <paramref name="proxy"/> at <paramref name="at"/> (default: the phase start).</summary>
    public PhaseBuilder ResetConnections(string proxy, TimeSpan at = default) => Add(at, new ResetConnectionsAction(proxy));

    /// <summary>
    /// Takes <paramref name="proxy"/> down at <paramref name="at"/> (a partition); it stays down until an <see cref="Enable"/>.
    /// </summary>
    public PhaseBuilder Disable(string proxy, TimeSpan at = default) => Add(at, new SetProxyEnabledAction(proxy, false));

    /// <summary>Brings <paramref name="proxy"/> back up at <paramref name="at"/>.</summary>
    public PhaseBuilder Enable(string proxy, TimeSpan at = default) => Add(at, new SetProxyEnabledAction(proxy, true));

    /// <summary>
    /// Down for <paramref name="down"/> in every <paramref name="period"/> from <paramref name="at"/> until the phase ends; up
    /// afterwards.
    /// </summary>
    public PhaseBuilder Flap(string proxy, TimeSpan period, TimeSpan down, TimeSpan at = default)
    {
        if (down <= TimeSpan.Zero || period <= down)
        {
            throw new ArgumentException($"flap {proxy}: down must be greater than zero and shorter than period");
        }
        return Add(at, new FlapAction(proxy, period, down));
    }

    /// <summary>
    /// Moves <paramref name="attribute"/> of this phase's toxic <paramref name="toxic"/> (by name) on <paramref name="proxy"/> from
    /// <paramref name="from"/> to <paramref name="to"/> (wire units) over <paramref name="over"/>.
    /// </summary>
    public PhaseBuilder Ramp(string proxy, string toxic, string attribute, long from, long to, TimeSpan over, TimeSpan at = default) =>
        Add(at, new RampAction(proxy, toxic, attribute, from, to, over));

    private PhaseBuilder Add(TimeSpan at, PhaseEventAction action)
    {
        if (at < TimeSpan.Zero || at >= Duration)
        {
            throw new ArgumentException($"phase {Name}: an event's offset must be within the phase (0 to {Duration}), not {at}");
        }
        _events.Add(new PhaseEventSpec(at, action));
        return this;
    }

    internal PhaseSpec ToSpec()
    {
        var toxics = _toxics.Select(t => t.Toxic.ToSpec(t.Proxy)).ToList();
        foreach (var ramp in _events.Select(e => e.Action).OfType<RampAction>())
        {
            if (!toxics.Any(t => t.Proxy == ramp.Proxy && t.Name == ramp.Toxic))
            {
                throw new ArgumentException(
                    $"phase {Name}: ramp on {ramp.Proxy}/{ramp.Toxic}: no toxic of that name on that proxy in this phase"
                );
            }
        }
        // In time order, as the loader orders a phase's events.
        return new PhaseSpec(Name, Duration, toxics, _events.OrderBy(e => e.At).ToList());
    }
}

namespace Harness.Testing;

/// <summary>
/// Phases one after another, each with its toxics and events: the scenario language's <c>timeline:</c> in C#. Run it on a
/// server with <see cref="ImpairedServer.RunTimelineAsync"/> or put it in a scenario with <see cref="ScenarioBuilder.Phase"/>.
/// </summary>
/// <example>
/// <code>
/// var timeline = new Timeline()
///     .Phase("baseline", TimeSpan.FromSeconds(2))
///     .Phase("degraded", TimeSpan.FromSeconds(3), p => p
///         .Toxic("api", Toxic.Latency(TimeSpan.FromMilliseconds(200)))
///         .Flap("api", period: TimeSpan.FromSeconds(1), down: TimeSpan.FromMilliseconds(200)));
/// await server.RunTimelineAsync(timeline);
/// </code>
/// </example>
public sealed class Timeline
{
    private readonly List<PhaseBuilder> _phases = [];

    /// <summary>The phases in order.</summary>
    public IReadOnlyList<PhaseBuilder> Phases => _phases;

    /// <summary>Appends a phase of <paramref name="duration"/>; <paramref name="configure"/> adds its toxics and events.</summary>
    public Timeline Phase(string name, TimeSpan duration, Action<PhaseBuilder>? configure = null)
    {
        var phase = new PhaseBuilder(name, duration);
        configure?.Invoke(phase);
        _phases.Add(phase);
        return this;
    }

    internal IReadOnlyList<Scenarios.Model.PhaseSpec> ToSpecs()
    {
        if (_phases.Count == 0)
            throw new ArgumentException("the timeline has no phase; add one with Phase(name, duration)");
        return _phases.Select(p => p.ToSpec()).ToList();
    }
}

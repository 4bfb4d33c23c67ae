using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class TimelineValidator
{
    public const int MaxRepeat = 1000;

    /// <param name="probes">For browser_network events, which name browser probes and participants.</param>
    /// <param name="profiles">For browser_network events that apply a named profile.</param>
    public static IReadOnlyList<PhaseSpec> Validate(
        IReadOnlyList<PhaseDocument> timeline,
        NetworkSpec network,
        SourceLocation scenario,
        ValueReader values,
        IReadOnlyList<ValidatedProbe>? probes = null,
        ProfileResolver? profiles = null
    )
    {
        if (timeline.Count == 0)
            values.Diagnostics.Add(scenario, "timeline: at least one phase is needed, e.g. - { phase: baseline, duration: 10s }");
        ScenarioValidator.CheckUnique(timeline, p => p.Phase, "phase name", values.Diagnostics);
        var phases = new List<PhaseSpec>();
        foreach (var phase in timeline)
        {
            var name = ScenarioValidator.CheckName(phase.Phase, "phase name", values.Diagnostics);
            var duration = values.Duration(phase.Duration, "phase duration", TimeSpan.Zero);
            var repeat = values.Integer(phase.Repeat, "phase repeat", 1, 1, MaxRepeat);
            var toxics = phase.Toxics.Select(t => ToxicValidator.Validate(t, network, values)).OfType<ToxicSpec>().ToList();
            foreach (var clash in toxics.GroupBy(t => (t.Proxy, t.Name)).Where(g => g.Count() > 1))
            {
                values.Diagnostics.Add(
                    phase.Location,
                    $"phase '{name}': two toxics named '{clash.Key.Name}' on proxy '{clash.Key.Proxy}'; give one a 'name'"
                );
            }
            var events = phase
                .Events.Select(e => EventValidator.Validate(e, duration, toxics, network, values, probes ?? [], profiles))
                .OfType<PhaseEventSpec>()
                .OrderBy(e => e.At)
                .ToList();
            if (name is not null)
                phases.AddRange(Enumerable.Repeat(new PhaseSpec(name, duration, toxics, events), repeat));
        }
        return phases;
    }
}

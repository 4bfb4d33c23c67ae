namespace Harness.Scenarios.Model;

/// <summary>
/// A stretch of the timeline: its toxics are added when it starts and removed when it ends; its events fire
/// at their offsets. A phase written with <c>repeat: N</c> appears N times in the model, under the same name.
/// </summary>
public sealed record PhaseSpec(string Name, TimeSpan Duration, IReadOnlyList<ToxicSpec> Toxics, IReadOnlyList<PhaseEventSpec> Events)
{
    public PhaseSpec(string name, TimeSpan duration, IReadOnlyList<ToxicSpec> toxics)
        : this(name, duration, toxics, []) { }
}

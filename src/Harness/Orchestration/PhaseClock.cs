using Harness.Probes.Abstractions;

namespace Harness.Orchestration;

/// <summary>The phase probes tag their samples with; the timeline moves it forward.</summary>
internal sealed class PhaseClock(string initial) : IPhaseSource
{
    private volatile string _current = initial;

    public string Current => _current;

    public void Enter(string phase) => _current = phase;
}

using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Infra;

internal sealed class SwitchPhase(string initial) : IPhaseSource
{
    private volatile string _current = initial;

    public string Current => _current;

    public void Set(string phase) => _current = phase;
}

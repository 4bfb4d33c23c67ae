using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Infra;

internal sealed class FixedPhase(string name) : IPhaseSource
{
    public string Current => name;
}

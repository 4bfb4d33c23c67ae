using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

internal sealed class TestPhase : IPhaseSource
{
    private volatile string _current = "warmup";

    public string Current
    {
        get => _current;
        set => _current = value;
    }
}

using Harness.Health;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Health;

internal sealed class FakeProcessStats : IProcessStats
{
    public TimeSpan CpuTime { get; set; }

    public TimeSpan GcPauseTotal { get; set; }

    public long ThreadPoolQueue { get; set; }

    public int ThreadCount { get; set; } = 4;
}

internal sealed class FakeLoadAverage(int cores) : ILoadAverage
{
    public double? Load { get; set; }

    public int Cores => cores;

    public double? OneMinute() => Load;
}

internal sealed class FakePhase(string phase) : IPhaseSource
{
    public string Current { get; set; } = phase;
}

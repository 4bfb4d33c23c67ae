namespace Harness.Probes.Abstractions;

/// <summary>Tells a probe which phase of the run is active, so every sample it emits can be tagged with it.</summary>
public interface IPhaseSource
{
    string Current { get; }
}

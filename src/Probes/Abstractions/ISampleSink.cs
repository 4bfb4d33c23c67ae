namespace Harness.Probes.Abstractions;

/// <summary>Receives samples from probes. Implementations must be safe to call from many threads at once.</summary>
public interface ISampleSink
{
    void Add(in Sample sample);
}

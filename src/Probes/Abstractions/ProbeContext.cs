namespace Harness.Probes.Abstractions;

/// <summary>What a running probe gets from whoever runs it: where samples go, the active phase, the clock, and host routing.</summary>
public sealed record ProbeContext(ISampleSink Sink, IPhaseSource Phase, TimeProvider Time, HostRoutes Routes)
{
    /// <summary>Where failed exchanges go with their class and message; null keeps only the samples' <c>error</c> tags.</summary>
    public IErrorSink? Errors { get; init; }
}

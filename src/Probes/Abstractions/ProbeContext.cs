namespace Harness.Probes.Abstractions;

/// <summary>What a running probe gets from whoever runs it: where samples go, the active phase, the clock, and host routing.</summary>
public sealed record ProbeContext(ISampleSink Sink, IPhaseSource Phase, TimeProvider Time, HostRoutes Routes);

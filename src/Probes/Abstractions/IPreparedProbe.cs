namespace Harness.Probes.Abstractions;

/// <summary>
/// A probe with a slow start-up (a browser to launch) that can do it before measuring begins, so that the time it
/// takes is not counted inside the first phase. <see cref="PrepareAsync"/> is called at most once, before
/// <see cref="IProbe.RunAsync"/>, with the same context; it throws when the probe cannot run at all.
/// </summary>
public interface IPreparedProbe : IProbe
{
    Task PrepareAsync(ProbeContext context, CancellationToken cancellationToken);
}

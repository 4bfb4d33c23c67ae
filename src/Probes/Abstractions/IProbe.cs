namespace Harness.Probes.Abstractions;

/// <summary>
/// A probe measures a target until cancelled. Expected failures (refused, reset, timeout, bad status) are
/// samples, never exceptions; <see cref="RunAsync"/> returns normally when <paramref name="cancellationToken"/> fires.
/// </summary>
public interface IProbe
{
    string Name { get; }

    Task RunAsync(ProbeContext context, CancellationToken cancellationToken);
}

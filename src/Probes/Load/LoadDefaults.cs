namespace Harness.Probes.Load;

/// <summary>Defaults and fixed limits of the load probe, named once.</summary>
internal static class LoadDefaults
{
    public static readonly TimeSpan SessionDuration = TimeSpan.FromSeconds(5);

    /// <summary>k6's default gracefulStop.</summary>
    public static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often ramping-vus re-reads its target VU count.</summary>
    public static readonly TimeSpan RampTick = TimeSpan.FromMilliseconds(100);
}

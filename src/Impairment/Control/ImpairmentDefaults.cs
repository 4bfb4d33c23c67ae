namespace Harness.Impairment.Control;

/// <summary>Named constants instead of inline magic numbers.</summary>
internal static class ImpairmentDefaults
{
    /// <summary>How long disposal waits for connection tasks after their sockets were closed.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
}

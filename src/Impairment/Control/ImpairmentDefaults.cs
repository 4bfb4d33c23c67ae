namespace Harness.Impairment.Control;

/// <summary>Named constants instead of inline magic numbers.</summary>
internal static class ImpairmentDefaults
{
    /// <summary>How long disposal waits for connection tasks after their sockets were closed.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a toxic change waits for live links to run the new chain before answering anyway. Links adopt in
    /// microseconds; only one whose client stopped reading can take longer, and the API must not wait on traffic.
    /// </summary>
    public static readonly TimeSpan AdoptionTimeout = TimeSpan.FromMilliseconds(500);
}

namespace Harness.Impairment.Proxying;

/// <summary>
/// The seed of one link, from its connection's seed. One formula for the link itself and for the accept-time
/// draw of connection-phase toxics, so both see the same toxicity decision.
/// </summary>
internal static class LinkSeed
{
    public static long For(long connectionSeed, Direction direction) => StableHash.Mix(connectionSeed, (long)direction);
}

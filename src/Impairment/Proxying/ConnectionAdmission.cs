using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Runs the connection-phase toxics (reset_peer's linger, refuse, hang) on a just-accepted connection. A toxic
/// applies only if its toxicity draw says so, and that draw is the one the link will make when it starts (same
/// seed, same random source, same first value): a connection is never set up for a toxic its link then skips.
/// </summary>
internal static class ConnectionAdmission
{
    /// <summary>Returns the ids of the toxics that asked to hold the connection (empty: dial as usual).</summary>
    public static List<long> Admit(IEnumerable<ToxicInstance> toxics, long connectionSeed, IConnectionControl connection)
    {
        var holds = new List<long>();
        foreach (var toxic in toxics)
        {
            if (toxic.Toxic is not IConnectionSetupToxic setup)
                continue;
            var draw = LinkToxicState.Create(toxic, LinkSeed.For(connectionSeed, toxic.State.Direction));
            if (!draw.EnsureDrawn(toxic))
                continue;
            if (setup.OnConnectionAccepted(connection) == ConnectionSetupAction.Hold)
                holds.Add(toxic.Id);
        }
        return holds;
    }
}

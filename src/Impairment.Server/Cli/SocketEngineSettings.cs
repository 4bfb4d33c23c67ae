namespace Harness.Impairment.Server;

/// <summary>
/// Settings the standalone server gives .NET's socket engine before its first socket. With inline completions a
/// socket operation's continuation runs on the engine's own event thread (one per core) instead of being posted to
/// the thread pool: one hop less per read on the proxy's forwarding path. A value the user set is kept.
/// </summary>
public static class SocketEngineSettings
{
    /// <summary>Read once by the runtime, when the process makes its first asynchronous socket operation.</summary>
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Sets <see cref="InlineCompletions"/> to 1 unless it is set already; true when it set it.</summary>
    public static bool PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is not null)
            return false;
        Environment.SetEnvironmentVariable(InlineCompletions, "1");
        return true;
    }
}

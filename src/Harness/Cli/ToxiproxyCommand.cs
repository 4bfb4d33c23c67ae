using Harness.Impairment.Server;

namespace Harness.Cli;

/// <summary><c>harness toxiproxy ...</c>: the standalone server, running until SIGINT or SIGTERM (then exit 0).</summary>
internal static class ToxiproxyCommand
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        SocketEngineSettings.PreferInlineCompletions();
        using var interrupt = new InterruptSource(_ => { });
        var code = await ToxiproxyServerCommand
            .RunAsync(args, environment.GetValueOrDefault("LOG_LEVEL"), Console.Out, Console.Error, interrupt.Token)
            .ConfigureAwait(false);
        return code;
    }
}

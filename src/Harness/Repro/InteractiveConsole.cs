using System.Globalization;
using Harness.Toxiproxy.Client;

namespace Harness.Repro;

/// <summary>
/// Reads command lines (<see cref="ConsoleCommandParser"/>) while an interactive repro runs and applies them to the
/// live proxies at once; each line gets an answer. The end of input stops reading, not the repro (Ctrl-C does).
/// </summary>
internal sealed class InteractiveConsole(TextReader input, OriginProxies origins, Action<string> say)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        say("interactive: type 'help' for commands (latency 500ms, loss 5%, bandwidth 100KB/s, reset, list); Ctrl-C ends the repro");
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return;
            await HandleAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task HandleAsync(string line, CancellationToken cancellationToken)
    {
        var command = ConsoleCommandParser.Parse(line, origins.Conditions);
        switch (command.Kind)
        {
            case ConsoleCommandKind.Help:
                say(ConsoleCommandParser.Help);
                break;
            case ConsoleCommandKind.List:
                say(List());
                break;
            case ConsoleCommandKind.Invalid:
                say($"? {command.Error}");
                break;
            case ConsoleCommandKind.Apply:
                try
                {
                    await origins.ApplyAsync(command.Conditions!, cancellationToken).ConfigureAwait(false);
                    say(string.Create(CultureInfo.InvariantCulture,
                        $"applied: {OriginProxies.Describe(command.Conditions!)} (on {origins.Origins.Count} origin proxies and every one opened later)"));
                }
                catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
                {
                    say($"? could not apply '{line.Trim()}': {e.Message}");
                }
                break;
        }
    }

    private string List()
    {
        var lines = new List<string> { $"conditions: {OriginProxies.Describe(origins.Conditions)}" };
        var known = origins.Origins;
        if (known.Count == 0) lines.Add("no origin used yet");
        lines.AddRange(known.Select(o => $"origin {o.Address} -> proxy {o.ProxyName} listening on {o.Listen}"));
        return string.Join(Environment.NewLine, lines);
    }
}

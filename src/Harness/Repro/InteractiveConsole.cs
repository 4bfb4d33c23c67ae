using System.Globalization;
using Harness.Toxiproxy.Client;

namespace Harness.Repro;

/// <summary>
/// Reads command lines (<see cref="ConsoleCommandParser"/>) while an interactive repro runs and applies them to the
/// live proxies at once; each line gets an answer. The end of input stops reading, not the repro (Ctrl-C does).
/// </summary>
internal sealed class InteractiveConsole(TextReader input, OriginProxies origins, Action<string> say)
{
    /// <summary>
    /// Reads on a background thread of its own, so a read blocked on a quiet stdin holds no pool thread and never keeps
    /// the process alive; the task completes when input ends or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Read(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // stopped, or stdin went away
            }
            done.TrySetResult();
        })
        {
            IsBackground = true,
            Name = "repro console",
        };
        thread.Start();
        return done.Task;
    }

    private void Read(CancellationToken cancellationToken)
    {
        say("interactive: type 'help' for commands (latency 500ms, loss 5%, bandwidth 100KB/s, reset, list); Ctrl-C ends the repro");
        while (!cancellationToken.IsCancellationRequested && input.ReadLine() is { } line)
        {
            HandleAsync(line, cancellationToken).GetAwaiter().GetResult();
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
                    var count = origins.Origins.Count;
                    say(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"applied: {OriginProxies.Describe(command.Conditions!)} (on {count} origin proxies and every one opened later)"
                        )
                    );
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
        if (known.Count == 0)
            lines.Add("no origin used yet");
        lines.AddRange(known.Select(o => $"origin {o.Address} -> proxy {o.ProxyName} listening on {o.Listen}"));
        return string.Join(Environment.NewLine, lines);
    }
}

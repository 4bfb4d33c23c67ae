using System.Globalization;
using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Repro;

/// <summary>What one line typed during an interactive repro asks for.</summary>
internal enum ConsoleCommandKind
{
    Empty,
    Apply,
    List,
    Help,
    Invalid,
}

/// <param name="Conditions">For <see cref="ConsoleCommandKind.Apply"/>: the network every origin gets next.</param>
/// <param name="Error">For <see cref="ConsoleCommandKind.Invalid"/>: what is wrong and what would be right.</param>
internal sealed record ConsoleCommand(ConsoleCommandKind Kind, NetworkProfile? Conditions = null, string? Error = null);

/// <summary>
/// Reads console lines in the Toxiproxy CLI habit: <c>latency 500ms</c>, <c>jitter 50ms</c>, <c>loss 5%</c>,
/// <c>bandwidth 100KB/s [up-rate]</c>, each with <c>off</c> (or 0) to remove it, <c>reset</c>, <c>list</c>, <c>help</c>.
/// Latency is the round trip added, as with <c>--latency</c>. A change keeps the other conditions as they are.
/// </summary>
internal static class ConsoleCommandParser
{
    public const string Help = """
        commands (applied at once to every origin's proxy, and to origins the page opens later):
          latency 500ms          round trip to add (split between the two directions); 'latency off' removes it
          jitter 50ms            round-trip jitter on top of the latency
          loss 5%                TCP segments lost, each direction
          bandwidth 100KB/s      rate each way; 'bandwidth 1MB/s 100KB/s' sets down and up apart
          reset                  remove every impairment
          list                   the origins, their proxies and the current conditions
          help                   this text
        Ctrl-C ends the repro.
        """;

    public static ConsoleCommand Parse(string line, NetworkProfile current)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return new(ConsoleCommandKind.Empty);
        var verb = words[0].ToLowerInvariant();
        var args = words[1..];
        return verb switch
        {
            "help" or "?" => NoArguments(verb, args, ConsoleCommandKind.Help),
            "list" or "ls" => NoArguments(verb, args, ConsoleCommandKind.List),
            "reset" => args.Length == 0 ? Apply(Unimpaired(current)) : Invalid($"'reset' takes no value, got '{string.Join(' ', args)}'"),
            "latency" => Duration(verb, args, d => current with { Rtt = d }),
            "jitter" => Duration(verb, args, d => current with { Jitter = d }),
            "loss" => Loss(args, current),
            "bandwidth" => Bandwidth(args, current),
            _ => Invalid($"unknown command '{words[0]}'; type help for the list (latency, jitter, loss, bandwidth, reset, list)"),
        };
    }

    /// <summary>No impairment at all, under the same name.</summary>
    public static NetworkProfile Unimpaired(NetworkProfile current) =>
        current with
        {
            Rtt = null,
            Jitter = null,
            LossPercent = null,
            DownKilobytesPerSecond = null,
            UpKilobytesPerSecond = null,
        };

    private static ConsoleCommand NoArguments(string verb, string[] args, ConsoleCommandKind kind) =>
        args.Length == 0 ? new(kind) : Invalid($"'{verb}' takes no value, got '{string.Join(' ', args)}'");

    private static ConsoleCommand Duration(string verb, string[] args, Func<TimeSpan?, NetworkProfile> change)
    {
        if (args.Length != 1)
            return Invalid($"'{verb}' takes one duration, e.g. '{verb} 300ms' or '{verb} off'");
        if (Off(args[0]))
            return Apply(change(null));
        var (ms, error) = UnitParser.Parse(args[0], AttributeUnit.Milliseconds);
        if (error is not null)
            return Invalid($"{verb}: {error}");
        return Apply(change(ms == 0 ? null : TimeSpan.FromMilliseconds(ms)));
    }

    private static ConsoleCommand Loss(string[] args, NetworkProfile current)
    {
        if (args.Length != 1)
            return Invalid("'loss' takes one percentage, e.g. 'loss 5%' or 'loss off'");
        if (Off(args[0]))
            return Apply(current with { LossPercent = null });
        var text = args[0].EndsWith('%') ? args[0][..^1] : args[0];
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            return Invalid($"loss: '{args[0]}' is not {UnitParser.Expected(AttributeUnit.Percent)}");
        return Apply(current with { LossPercent = percent == 0 ? null : percent });
    }

    private static ConsoleCommand Bandwidth(string[] args, NetworkProfile current)
    {
        if (args.Length is 0 or > 2)
            return Invalid("'bandwidth' takes a rate each way, or down and up, e.g. 'bandwidth 100KB/s' or 'bandwidth 1MB/s 100KB/s'");
        if (args.Length == 1 && Off(args[0]))
            return Apply(current with { DownKilobytesPerSecond = null, UpKilobytesPerSecond = null });
        var rates = new List<long?>();
        foreach (var arg in args)
        {
            var (rate, error) = UnitParser.Parse(arg, AttributeUnit.KilobytesPerSecond);
            if (error is not null)
                return Invalid($"bandwidth: {error}");
            rates.Add(rate == 0 ? null : rate);
        }
        return Apply(current with { DownKilobytesPerSecond = rates[0], UpKilobytesPerSecond = rates[^1] });
    }

    private static bool Off(string word) => word.Equals("off", StringComparison.OrdinalIgnoreCase);

    private static ConsoleCommand Apply(NetworkProfile next) => new(ConsoleCommandKind.Apply, next);

    private static ConsoleCommand Invalid(string error) => new(ConsoleCommandKind.Invalid, Error: error);
}

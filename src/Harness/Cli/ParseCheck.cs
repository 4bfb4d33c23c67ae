using System.CommandLine;
using System.CommandLine.Parsing;
using Harness.Orchestration;

namespace Harness.Cli;

/// <summary>
/// <c>HarnessCli.RunAsync(args, parseOnly: true)</c>: whether a command line (from a CI workflow, a manifest) is one the CLI
/// accepts. Beyond the parser's own errors, an option-like word taken as a path (a misspelled <c>--shrad</c> after a
/// command whose paths take any number of values) is rejected: no real path is written like an option.
/// </summary>
internal static class ParseCheck
{
    public static int Result(ParseResult parsed) =>
        parsed.Tokens.Any(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal))
            ? ExitCodes.InvalidInput
            : ExitCodes.Passed;

    /// <summary>
    /// Option-like words taken as paths that name no existing file or folder, each as a message naming the command and,
    /// when one is close (at most 3 edits), the option probably meant. A value after '=' is left out of the message.
    /// </summary>
    public static IReadOnlyList<string> UnknownOptions(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).ToList();
        return
        [
            .. parsed
                .Tokens.Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal))
                .Where(t => !File.Exists(t.Value) && !Directory.Exists(t.Value))
                .Select(t => t.Value.Split('=', 2)[0])
                .Distinct(StringComparer.Ordinal)
                .Select(word => Message(word, command.Name, known)),
        ];
    }

    private static string Message(string word, string command, IReadOnlyList<string> known)
    {
        var nearest = known
            .Select(k => (Name: k, Distance: EditDistance(word, k)))
            .Where(k => k.Distance <= 3)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => k.Name)
            .FirstOrDefault();
        var suggestion = nearest is null ? "" : $" (did you mean '{nearest}'?)";
        return $"unknown option '{word}' for 'harness {command}'{suggestion}; see 'harness {command} --help'";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}

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
}

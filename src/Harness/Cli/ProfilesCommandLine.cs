using System.CommandLine;

namespace Harness.Cli;

/// <summary>The <c>profiles</c> command's arguments and options.</summary>
internal static class ProfilesCommandLine
{
    public static Command Create(ConsoleOutput output)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A folder or scenario file: lists the profiles a scenario there can name (default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "A JSON array instead of columns (figures as the harness applies them)" };
        var command = new Command(
            "profiles",
            "List the network profiles available here: name, where each comes from (a profiles/ file or built-in), figures, source"
        )
        {
            path,
            json,
        };
        command.SetAction(parse => ProfilesCommand.Execute(parse.GetValue(path) ?? ".", parse.GetValue(json), output));
        return command;
    }
}

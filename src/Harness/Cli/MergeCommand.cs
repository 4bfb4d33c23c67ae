using System.CommandLine;
using System.Globalization;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Sharding;

namespace Harness.Cli;

/// <summary>
/// <c>harness merge DIR... --out DIR</c>: one report from the folders of <c>run --shard i/N</c>. Exits with the merged
/// verdict's code (as <c>run</c> would for the whole suite), or 2 when the shards do not make up one suite.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(ConsoleOutput output)
    {
        var folders = new Argument<string[]>("folders")
        {
            Description = "Shard report folders (each holds shard.json), or folders whose subfolders are",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out") { Description = "Where the merged report goes: a new or empty folder", Required = true };
        var command = new Command("merge", "Merge the report folders of 'run --shard i/N' into one report") { folders, outDir };
        command.SetAction((parse, cancellation) => ExecuteAsync(parse.GetValue(folders)!, parse.GetValue(outDir)!, output, cancellation));
        return command;
    }

    public static async Task<int> ExecuteAsync(
        IReadOnlyList<string> inputs,
        string outDir,
        ConsoleOutput output,
        CancellationToken cancellation
    )
    {
        var errors = new List<string>();
        var target = Path.GetFullPath(outDir);
        var folders = ShardMerge.Expand(inputs, errors);
        var loaded = errors.Count == 0 ? ShardMerge.Load(folders, target, errors) : null;
        if (loaded is null)
        {
            foreach (var error in errors)
                output.Error(error);
            output.Error("nothing was merged");
            return ExitCodes.InvalidInput;
        }
        var suite = await ShardMerge.WriteAsync(loaded, target, cancellation).ConfigureAwait(false);
        foreach (var unit in suite.Units)
        {
            output.Line(
                $"  {ReportFormat.Verdict(unit.Status), -12} {unit.Id} (shard {unit.Shard.ToString(CultureInfo.InvariantCulture)})"
            );
        }
        var units = suite.Units.Count.ToString(CultureInfo.InvariantCulture);
        var shards = suite.ShardCount.ToString(CultureInfo.InvariantCulture);
        output.Line(
            $"suite of {units} units from {shards} shards: "
                + $"{ReportFormat.Verdict(suite.Status)} (exit {suite.ExitCode.ToString(CultureInfo.InvariantCulture)})"
        );
        output.Line($"  report: {Path.Combine(target, ReportWriter.HtmlFile)}");
        return suite.ExitCode;
    }
}

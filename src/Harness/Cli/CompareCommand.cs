using System.CommandLine;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Compare;

namespace Harness.Cli;

/// <summary>
/// <c>harness compare BASELINE CANDIDATE [--out DIR]</c>: markdown to stdout; compare.html, compare.md and compare.json beside the
/// candidate (or in DIR).
/// Exit 1 when any metric regressed, 0 otherwise, 2 when an input cannot be read.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(ConsoleOutput output)
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline's results.json (or its report directory)" };
        var candidate = new Argument<string?>("candidate")
        {
            Description =
                "The candidate's results.json (or its report directory); without it, the values of --by TAG inside the one run are compared",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var against = new Option<string?>("--against")
        {
            Description = "With one run: the value of the --by tag to compare the others against (default: the first in order, e.g. A)",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = "Write compare.html, compare.md and compare.json here instead of beside the candidate",
        };
        var by = ByOption();
        var command = new Command("compare", "Compare two runs (baseline vs candidate) with a verdict per metric")
        {
            baseline,
            candidate,
            outDir,
            by,
            against,
        };
        command.SetAction(
            (parse, cancellation) =>
                parse.GetValue(candidate) is { } second
                    ? ExecuteAsync(parse.GetValue(baseline)!, second, parse.GetValue(outDir), output, cancellation, parse.GetValue(by))
                    : WithinRunCompare.ExecuteAsync(
                        parse.GetValue(baseline)!,
                        parse.GetValue(by) ?? [],
                        parse.GetValue(against),
                        parse.GetValue(outDir),
                        output,
                        cancellation
                    )
        );
        return command;
    }

    /// <summary><c>--by TAG</c> (repeatable): also compare every metric per value of that sample tag (step, client_version ...).</summary>
    public static Option<string[]> ByOption() =>
        new("--by")
        {
            Description =
                "Also compare every metric per value of this sample tag (step, client_version, participant, status ...); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };

    public static async Task<int> ExecuteAsync(
        string baselinePath,
        string candidatePath,
        string? outDir,
        ConsoleOutput output,
        CancellationToken cancellation,
        IReadOnlyList<string>? by = null
    )
    {
        Reports.Model.RunResults baseline,
            candidate;
        try
        {
            baseline = ResultsJson.Load(baselinePath);
            candidate = ResultsJson.Load(candidatePath);
        }
        catch (ResultsUnreadableException e)
        {
            output.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        var comparison = RunComparer.Compare(baseline, candidate, by);
        output.Line(CompareMarkdown.Render(comparison));
        var directory = Path.GetFullPath(
            outDir ?? (Directory.Exists(candidatePath) ? candidatePath : Path.GetDirectoryName(Path.GetFullPath(candidatePath))!)
        );
        await CompareWriter.WriteAsync(directory, comparison, text => text, cancellation).ConfigureAwait(false);
        output.Error($"wrote {Path.Combine(directory, CompareHtml.FileName)} (and {CompareWriter.MarkdownFile}, {CompareJson.FileName})");
        return comparison.Overall == ChangeVerdict.Regressed ? ExitCodes.ThresholdsFailed : ExitCodes.Passed;
    }
}

using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Compare;

namespace Harness.Cli;

/// <summary>
/// <c>harness compare RUN --by version [--against A]</c>: the values of one sample tag inside one run compared with each
/// other (a gray release: versions A and B on the same network at the same moment). Every other value is judged against
/// the baseline value like a candidate run. Exit 1 when any metric regressed, 0 otherwise, 2 for unusable input.
/// </summary>
internal static class WithinRunCompare
{
    public static async Task<int> ExecuteAsync(
        string path,
        IReadOnlyList<string> by,
        string? against,
        string? outDir,
        ConsoleOutput output,
        CancellationToken cancellation
    )
    {
        if (by.Count != 1)
        {
            output.Error(
                "compare with one run compares the values of one tag inside it: give exactly one --by TAG (e.g. --by version), or a second run"
            );
            return ExitCodes.InvalidInput;
        }
        Reports.Model.RunResults run;
        try
        {
            run = ResultsJson.Load(path);
        }
        catch (ResultsUnreadableException e)
        {
            output.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        var tag = by[0];
        var values = VersionComparer.Values(run, tag);
        var baseline = against ?? values.FirstOrDefault();
        if (values.Count < 2 || baseline is null || !values.Contains(baseline))
        {
            var seen =
                values.Count == 0 ? "no metric of this run is broken down by it" : $"its values here are {string.Join(", ", values)}";
            output.Error(
                against is not null && values.Count > 0
                    ? $"--against {against}: the run has no {tag}={against}; {seen}"
                    : $"--by {tag}: the run needs two or more values of tag {tag} to compare; {seen}"
            );
            return ExitCodes.InvalidInput;
        }
        var parts = values.Where(v => v != baseline).Select(v => VersionComparer.Compare(run, tag, baseline, v)).ToList();
        var comparison = parts[0] with
        {
            Metrics = parts.SelectMany(p => p.Metrics).ToList(),
            Notes = parts.SelectMany(p => p.Notes).Distinct().ToList(),
        };
        output.Line(CompareMarkdown.Render(comparison));
        var directory = Path.GetFullPath(outDir ?? (Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!));
        await CompareWriter.WriteAsync(directory, comparison, text => text, cancellation).ConfigureAwait(false);
        output.Error($"wrote {Path.Combine(directory, CompareHtml.FileName)} (and {CompareWriter.MarkdownFile}, {CompareJson.FileName})");
        return comparison.Overall == ChangeVerdict.Regressed ? ExitCodes.ThresholdsFailed : ExitCodes.Passed;
    }
}

using Harness.Orchestration;
using Harness.Scenarios.Loading;

namespace Harness.Cli;

/// <summary>
/// <c>harness list [PATH...] [--tag T]</c>: the scenarios under PATH (default scenarios/) in aligned columns: file, name,
/// tags, description. Exit 0, or 2 when a path does not exist or no scenario carries the tags asked for.
/// </summary>
internal static class ListCommand
{
    public static int Execute(
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        IReadOnlyCollection<string>? tags = null
    )
    {
        var (files, missing) = ScenarioLoader.Expand(paths.Count == 0 ? ["scenarios"] : paths);
        foreach (var path in missing)
            output.Error($"{path}: no such file or directory");
        var rows = new List<string[]>();
        var present = new List<string>();
        foreach (var file in files)
        {
            var result = ScenarioLoader.LoadFile(file, environment);
            if (result.Scenario is { } s)
            {
                present.AddRange(s.Tags);
                if (TagSelection.Selects(tags, s.Tags))
                    rows.Add([file, s.Name, string.Join(", ", s.Tags), s.Description ?? string.Empty]);
            }
            else if (tags is not { Count: > 0 })
            {
                rows.Add([file, "invalid", string.Empty, $"{result.Diagnostics.Count} problem(s); run 'harness validate {file}'"]);
            }
        }
        if (tags is { Count: > 0 } && rows.Count == 0 && files.Count > 0)
        {
            output.Error(TagSelection.NoneMessage(tags, present));
            return ExitCodes.InvalidInput;
        }
        if (rows.Count > 0)
            Print(
                [
                    ["FILE", "NAME", "TAGS", "DESCRIPTION"],
                    .. rows,
                ],
                output
            );
        return missing.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Passed;
    }

    private static void Print(IReadOnlyList<string[]> rows, ConsoleOutput output)
    {
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.Line(string.Join("  ", row.Take(3).Select((cell, c) => cell.PadRight(widths[c])).Append(row[3])).TrimEnd());
        }
    }
}

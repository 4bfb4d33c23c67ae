using Harness.Orchestration;
using Harness.Scenarios.Loading;

namespace Harness.Cli;

/// <summary><c>harness list [PATH]</c>: the scenarios under PATH (default scenarios/) with descriptions and tags.</summary>
internal static class ListCommand
{
    public static int Execute(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> environment, ConsoleOutput output)
    {
        var (files, missing) = ScenarioLoader.Expand(paths.Count == 0 ? ["scenarios"] : paths);
        foreach (var path in missing) output.Line($"{path}: no such file or directory");
        foreach (var file in files)
        {
            var result = ScenarioLoader.LoadFile(file, environment);
            output.Line(result.Scenario is { } s
                ? $"{file}  {s.Name}  [{string.Join(", ", s.Tags)}]  {s.Description}"
                : $"{file}  invalid ({result.Diagnostics.Count} problem(s); run 'harness validate {file}')");
        }
        return ExitCodes.Passed;
    }
}

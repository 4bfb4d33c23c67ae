using Harness.Orchestration;
using Harness.Scenarios.Loading;

namespace Harness.Cli;

/// <summary><c>harness validate PATH...</c>: load and check only; every problem as <c>file:line:col: message</c>.</summary>
internal static class ValidateCommand
{
    public static int Execute(
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        IReadOnlyDictionary<string, string>? variables = null
    )
    {
        var loaded = Load(paths, environment, output, variables);
        if (loaded is null)
            return ExitCodes.InvalidInput;
        foreach (var result in loaded)
        {
            output.Line(
                $"ok: {result.Path} ({result.Scenario!.Name}{(result.Cells.Count > 1 ? $", {result.Cells.Count} matrix cells" : "")})"
            );
        }
        return ExitCodes.Passed;
    }

    /// <summary>Loads every file; prints every problem of every file and returns null if any file is invalid.</summary>
    /// <param name="variables">--var overrides, applied to every file (each must declare them).</param>
    public static IReadOnlyList<LoadResult>? Load(
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        IReadOnlyDictionary<string, string>? variables = null
    )
    {
        var (files, missing) = ScenarioLoader.Expand(paths);
        foreach (var path in missing)
            output.Line($"{path}: no such file or directory");
        if (files.Count == 0 && missing.Count == 0)
            output.Line($"no scenario files (*.yaml, *.yml) under {string.Join(", ", paths)}");
        var results = files.Select(f => ScenarioLoader.LoadFile(f, environment, variables)).ToList();
        // A diagnostic may quote a value that came from the environment (a URL that does not parse).
        output.Redact(results.SelectMany(r => r.Secrets));
        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics))
            output.Line(diagnostic.ToString());
        foreach (var warning in results.SelectMany(r => r.Warnings))
            output.Error($"warning: {warning}");
        var failed = results.Count(r => !r.Succeeded);
        if (failed > 0)
            output.Line($"{failed} of {results.Count} scenario file(s) invalid");
        return failed > 0 || missing.Count > 0 || files.Count == 0 ? null : results;
    }
}

using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Scenarios.Loading;

/// <summary>The outcome of loading one file: a scenario, or the problems that stop it from running.</summary>
public sealed record LoadResult(string Path, Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null && Diagnostics.Count == 0;
}

/// <summary>YAML file -> document -> validated model; never throws for bad input.</summary>
public static class ScenarioLoader
{
    public static readonly string[] Extensions = [".yaml", ".yml"];

    public static LoadResult LoadFile(string path) => LoadFile(path, new Dictionary<string, string>());

    /// <param name="environment">The environment <c>${env:NAME}</c> reads; the CLI passes the process's.</param>
    public static LoadResult LoadFile(string path, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string>? values = null)
    {
        var display = DisplayPath(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LoadResult(path, null, [new Diagnostic(new SourceLocation(display, 1, 1), $"cannot read the file: {e.Message}")]);
        }
        return LoadText(text, path, display, environment, values);
    }

    public static LoadResult LoadText(
        string text, string path, string? display = null, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string>? values = null)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioDocumentReader.Read(text, display ?? DisplayPath(path), diagnostics, environment ?? new Dictionary<string, string>(), values, out var secrets, out var resolved);
        var scenario = document is null ? null : ScenarioValidator.Validate(document, path, diagnostics);
        if (scenario is not null)
        {
            var redactor = new Redactor(secrets);
            scenario = scenario with { Secrets = secrets.ToList(), ResolvedYaml = redactor.Apply(resolved) };
        }
        return new LoadResult(path, diagnostics.HasErrors ? null : scenario, diagnostics.Items);
    }

    /// <summary>Expands folders into the scenario files they hold (recursively, sorted); reports paths that don't exist.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Contains("profiles"))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path)) files.Add(path);
            else missing.Add(path);
        }
        return (files, missing);
    }

    private static string DisplayPath(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}

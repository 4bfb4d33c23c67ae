using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Scenarios.Loading;

/// <summary>The outcome of loading one file: its scenarios (one per matrix cell), or the problems that stop it from running.</summary>
public sealed record LoadResult(string Path, Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null && Diagnostics.Count == 0;

    /// <summary>Every cell to run; a file without a matrix has one.</summary>
    public IReadOnlyList<Scenario> Cells { get; init; } = [];

    /// <summary>Allowed but risky choices (e.g. network.bind_all), once each; shown, never fatal.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The secrets the file read from the environment, also when it is invalid: its diagnostics are masked with them.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}

/// <summary>YAML file -> document -> validated model; never throws for bad input.</summary>
public static class ScenarioLoader
{
    public static readonly string[] Extensions = [".yaml", ".yml"];

    public static LoadResult LoadFile(string path) => LoadFile(path, new Dictionary<string, string>());

    /// <param name="environment">The environment <c>${env:NAME}</c> reads; the CLI passes the process's.</param>
    /// <param name="values">Variable overrides (<c>--var NAME=VALUE</c>), taken literally; each must be declared under
    /// <c>variables:</c>.</param>
    public static LoadResult LoadFile(
        string path,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string>? values = null
    )
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
        string text,
        string path,
        string? display = null,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string>? values = null
    )
    {
        display ??= DisplayPath(path);
        environment ??= new Dictionary<string, string>();
        var diagnostics = new DiagnosticBag();
        var (plan, seed) = Matrix.MatrixReader.Read(text, display, diagnostics, environment, values);
        if (diagnostics.HasErrors)
            return new LoadResult(path, null, diagnostics.Items);
        var cells = plan is null ? new Matrix.MatrixCell?[] { null } : plan.Cells(seed).Select(c => (Matrix.MatrixCell?)c).ToArray();
        var scenarios = new List<Scenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<Diagnostic>();
        var allSecrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var cellDiagnostics = new DiagnosticBag();
            var variables = new Dictionary<string, string>(values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (axis, value) in cell?.Values ?? [])
                if (!Matrix.MatrixPaths.IsPath(axis))
                    variables[axis] = value;
            var document = ScenarioDocumentReader.Read(
                text,
                display,
                cellDiagnostics,
                environment,
                variables,
                out var secrets,
                out var resolved,
                (root, context) =>
                {
                    root.Children.Remove(new YamlDotNet.RepresentationModel.YamlScalarNode("matrix"));
                    foreach (var (axis, value) in cell?.Values ?? [])
                        if (Matrix.MatrixPaths.IsPath(axis))
                            Matrix.MatrixPaths.Set(root, axis, value, context.At(root), cellDiagnostics);
                },
                values?.Keys.ToList()
            );
            allSecrets.UnionWith(secrets);
            var scope = plan is null ? null : MatrixScope.From(plan, cell, cells.OfType<Matrix.MatrixCell>().ToList());
            var scenario = document is null ? null : ScenarioValidator.Validate(document, path, cellDiagnostics, scope);
            foreach (var d in cellDiagnostics.Items.Where(d => seen.Add(d.ToString())))
            {
                diagnostics.Add(d.Location, cell is null ? d.Message : $"{d.Message} (matrix cell {cell.Name})");
            }
            warnings.AddRange(cellDiagnostics.Warnings.Where(w => warnings.All(x => x.ToString() != w.ToString())));
            if (scenario is not null)
                scenarios.Add(
                    scenario with
                    {
                        Secrets = secrets.ToList(),
                        ResolvedYaml = Harness.Secrets.YamlRedaction.Apply(resolved, new Redactor(secrets)),
                        Cell = cell,
                    }
                );
        }
        var ok = !diagnostics.HasErrors && scenarios.Count > 0;
        return new LoadResult(path, ok ? scenarios[0] : null, diagnostics.Items)
        {
            Cells = ok ? scenarios : [],
            Warnings = warnings,
            Secrets = [.. allSecrets],
        };
    }

    /// <summary>
    /// Expands folders into the scenario files they hold (recursively, sorted; below the folder given, hidden folders,
    /// such as a ConfigMap volume's <c>..data</c> copies, and <c>profiles</c> folders are skipped); reports paths that
    /// don't exist.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(
                    Directory
                        .EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                        .Where(f => !InSkippedFolder(path, f))
                        .Order(StringComparer.Ordinal)
                );
            }
            else if (File.Exists(path))
                files.Add(path);
            else
                missing.Add(path);
        }
        return (files, missing);
    }

    private static bool InSkippedFolder(string root, string file) =>
        System
            .IO.Path.GetRelativePath(root, System.IO.Path.GetDirectoryName(file)!)
            .Split(System.IO.Path.DirectorySeparatorChar)
            .Any(folder => folder == "profiles" || (folder.StartsWith('.') && folder != "."));

    private static string DisplayPath(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}

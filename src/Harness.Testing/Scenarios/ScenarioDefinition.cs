using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>
/// A validated scenario (from a file or a <see cref="ScenarioBuilder"/>), ready to run with the harness's own runner. A file
/// with a matrix holds one scenario per cell (<see cref="Cells"/>).
/// </summary>
public sealed class ScenarioDefinition
{
    private ScenarioDefinition(IReadOnlyList<Scenario> cells) => Scenarios = cells;

    /// <summary>The scenario's name.</summary>
    public string Name => Scenarios[0].Name;

    /// <summary>The matrix cells by name (<c>axis=value,...</c>); empty for a scenario without a matrix.</summary>
    public IReadOnlyList<string> Cells => Scenarios.Where(s => s.Cell is not null).Select(s => s.Cell!.Name).ToList();

    /// <summary>The loaded model, one per cell: the same records <c>harness run</c> executes.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The scenario as resolved (variables applied, secrets masked).</summary>
    public string ResolvedYaml => Scenarios[0].ResolvedYaml;

    /// <summary>
    /// Loads a scenario file, e.g. <c>scenarios/smoke.yaml</c>, with <paramref name="variables"/> as <c>--var NAME=VALUE</c> would
    /// set them.
    /// </summary>
    /// <exception cref="ScenarioInvalidException">The file is missing or does not validate.</exception>
    public static ScenarioDefinition Load(string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return From(ScenarioLoader.LoadFile(path, Environment(), variables), null);
    }

    /// <summary>
    /// Loads scenario text as if it were the file <paramref name="path"/> (relative paths and profiles resolve from its folder).
    /// </summary>
    /// <exception cref="ScenarioInvalidException">The text does not validate.</exception>
    public static ScenarioDefinition Parse(string yaml, string path, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return From(ScenarioLoader.LoadText(yaml, path, Path.GetFileName(path), Environment(), variables), yaml);
    }

    /// <summary>Runs the scenario (services, proxies, timeline, probes, thresholds, reports) and returns what it measured.</summary>
    /// <exception cref="InvalidOperationException">The file has a matrix of several cells: use <see cref="RunCellsAsync"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="ScenarioRunOptions.Toxiproxy"/> is neither loopback nor allowed by the
    /// scenario.</exception>
    public async Task<ScenarioResult> RunAsync(ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Scenarios.Count > 1)
        {
            throw new InvalidOperationException(
                $"scenario {Name} has {Scenarios.Count} matrix cells ({string.Join(", ", Cells)}); use RunCellsAsync"
            );
        }
        return await RunOneAsync(Scenarios[0], options ?? new ScenarioRunOptions(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every matrix cell (each into its own report folder) one after another.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunCellsAsync(
        ScenarioRunOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        var results = new List<ScenarioResult>();
        foreach (var cell in Scenarios)
            results.Add(await RunOneAsync(cell, options ?? new ScenarioRunOptions(), cancellationToken).ConfigureAwait(false));
        return results;
    }

    private static async Task<ScenarioResult> RunOneAsync(
        Scenario scenario,
        ScenarioRunOptions options,
        CancellationToken cancellationToken
    )
    {
        // As harness run --toxiproxy: another server must be on this machine or one the scenario allows.
        if (
            options.Toxiproxy is { } url
            && !Harness.Scenarios.Validation.ListenPolicy.IsLoopbackHost(url.Host)
            && !scenario.Target.AllowHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase)
        )
        {
            throw new ArgumentException(
                $"Toxiproxy {url}: host '{url.Host}' is neither loopback nor in target.allow_hosts of {scenario.DisplayName}",
                nameof(options)
            );
        }
        var root = Path.GetFullPath(options.ReportDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "harness-reports"));
        var run = new RunOptions(root, options.Seed, options.Toxiproxy, $"Harness.Testing: {scenario.DisplayName}")
        {
            BrowserFromEnvironment = options.BrowserExecutablePath ?? System.Environment.GetEnvironmentVariable("HARNESS_BROWSER"),
        };
        var log = options.Log ?? (_ => { });
        var outcome = await new ScenarioRunner(TimeProvider.System, log).RunAsync(scenario, run, cancellationToken).ConfigureAwait(false);
        return new ScenarioResult(outcome.Results, outcome.ReportDirectory);
    }

    private static ScenarioDefinition From(LoadResult load, string? yaml)
    {
        if (load.Succeeded)
            return new ScenarioDefinition(load.Cells);
        var problems = load.Diagnostics.Select(d => d.ToString()).ToList();
        var message = $"scenario {load.Path} is invalid:\n  {string.Join("\n  ", problems)}";
        if (yaml is not null)
            message += "\nits YAML:\n" + string.Join("\n", yaml.Split('\n').Select((line, i) => $"{i + 1, 4}  {line}"));
        throw new ScenarioInvalidException(message, problems);
    }

    private static Dictionary<string, string> Environment() =>
        System
            .Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}

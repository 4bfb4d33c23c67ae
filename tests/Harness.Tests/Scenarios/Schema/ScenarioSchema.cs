using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.TestSupport;
using Json.Schema;

namespace Harness.Tests.Scenarios.Schema;

/// <summary>schema/scenario.schema.json compiled once by a real JSON Schema validator (JsonSchema.Net).</summary>
internal static class ScenarioSchema
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "schema", "scenario.schema.json");

    private static readonly Lazy<JsonSchema> Compiled = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path), new BuildOptions { SchemaRegistry = new SchemaRegistry() })
    );

    /// <summary>Every failing location with its message; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = Compiled.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    public static IReadOnlyList<string> ProblemsOfYaml(string yaml) => Problems(YamlJson.FromText(yaml));
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios.Schema;

/// <summary>
/// Every scenario we ship, and every YAML example in docs/scenarios.md, passes schema/scenario.schema.json under a real
/// JSON Schema validator; and the schema accepts <c>${name}</c> in every value the loader expands.
/// </summary>
public sealed partial class ShippedScenarioSchemaTests
{
    private static IEnumerable<TestCaseData> ShippedScenarios() =>
        Directory
            .EnumerateFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains("profiles"))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(ShippedScenarios))]
    public void ShippedScenario_PassesTheSchema(string file)
    {
        var problems = ScenarioSchema.ProblemsOfYaml(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        Assert.That(problems, Is.Empty, file);
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void ShippedScenario_StillPassesWithAVariableInEveryTemplatedValue(string file)
    {
        var document = YamlJson.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)))!.AsObject();
        var failures = new List<string>();
        foreach (var (key, _) in document.ToList().Where(p => p.Key is not ("variables" or "matrix")))
        {
            foreach (var leaf in Leaves(document[key], "$." + key).ToList())
            {
                var original = leaf.Parent.Replace("${templated}");
                if (ScenarioSchema.Problems(document) is { Count: > 0 } problems)
                    failures.Add($"{leaf.Path}: {problems[0]}");
                leaf.Parent.Restore(original);
            }
        }
        Assert.That(failures, Is.Empty, file);
    }

    [Test]
    public void DocsExamples_PassTheSchema()
    {
        var blocks = YamlBlock().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scenarios.md")));
        Assert.That(blocks, Has.Count.GreaterThan(10));
        foreach (Match block in blocks)
        {
            var document = Complete(YamlJson.FromText(block.Groups["yaml"].Value));
            Assert.That(ScenarioSchema.Problems(document), Is.Empty, block.Groups["yaml"].Value);
        }
    }

    [TestCase("name: a\ntimeline: [ { phase: p, duration: 1s } ]\nprobes: [ { http: { name: a, url: / } } ]\nsurprise: 1\n")]
    [TestCase("name: a\ntimeline: [ { phase: p, duration: soon } ]\nprobes: [ { http: { name: a, url: / } } ]\n")]
    [TestCase(
        "name: a\ntimeline: [ { phase: p, duration: 1s, toxics: [ { proxy: e, type: lag } ] } ]\n"
            + "probes: [ { http: { name: a, url: / } } ]\n"
    )]
    [TestCase("name: a\nseed: many\ntimeline: [ { phase: p, duration: 1s } ]\nprobes: [ { http: { name: a, url: / } } ]\n")]
    [TestCase("name: a\ntimeline: [ { phase: p, duration: \"$${literal}\" } ]\nprobes: [ { http: { name: a, url: / } } ]\n")]
    public void Schema_RejectsWhatTheLoaderRejects(string yaml)
    {
        Assert.That(ScenarioSchema.ProblemsOfYaml(yaml), Is.Not.Empty);
    }

    [TestCase("${d}")]
    [TestCase("1${unit}")]
    [TestCase("${env:PHASE_LENGTH}")]
    [TestCase("$$x${d}")]
    public void Schema_AcceptsATemplatedDuration(string value)
    {
        var yaml = $"name: a\ntimeline: [ {{ phase: p, duration: \"{value}\" }} ]\nprobes: [ {{ http: {{ name: a, url: / }} }} ]\n";
        Assert.That(ScenarioSchema.ProblemsOfYaml(yaml), Is.Empty);
    }

    /// <summary>Catches a new key whose pattern forgets templating even before a shipped scenario uses it.</summary>
    [Test]
    public void EveryPatternOutsideTheMatrix_AcceptsAVariable()
    {
        var schema = JsonNode.Parse(File.ReadAllText(ScenarioSchema.Path))!;
        // Keys are never templated, so a pattern on property names need not accept ${x}.
        var patterns = Patterns(schema, "#")
            .Where(p =>
                !p.Path.StartsWith("#/properties/matrix", StringComparison.Ordinal)
                && !p.Path.EndsWith("/propertyNames", StringComparison.Ordinal)
            )
            .ToList();
        Assert.That(patterns, Has.Count.GreaterThan(40));
        var rejecting = patterns.Where(p => !Regex.IsMatch("${x}", p.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.That(rejecting.Select(p => p.Path), Is.Empty);
    }

    private static IEnumerable<(string Path, string Pattern)> Patterns(JsonNode? node, string path)
    {
        if (node is JsonArray array)
            return array.SelectMany((child, i) => Patterns(child, $"{path}/{i}"));
        if (node is not JsonObject obj)
            return [];
        var own =
            obj["pattern"] is JsonValue v && v.TryGetValue<string>(out var pattern) ? [(path, pattern)] : Array.Empty<(string, string)>();
        return own.Concat(obj.Where(p => p.Key != "pattern").SelectMany(p => Patterns(p.Value, $"{path}/{p.Key}")));
    }

    /// <summary>A fragment from the docs, completed with the required keys it leaves out (a bare list is a probes list).</summary>
    private static JsonNode Complete(JsonNode? fragment)
    {
        var document = fragment as JsonObject ?? new JsonObject { ["probes"] = fragment };
        document["name"] ??= "docs-example";
        document["timeline"] ??= new JsonArray(new JsonObject { ["phase"] = "p", ["duration"] = "1s" });
        document["probes"] ??= new JsonArray(
            new JsonObject
            {
                ["http"] = new JsonObject { ["name"] = "api", ["url"] = "/" },
            }
        );
        return document;
    }

    private static IEnumerable<(Slot Parent, string Path)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonObject or JsonArray)
                        foreach (var leaf in Leaves(child, $"{path}.{key}"))
                            yield return leaf;
                    else
                        yield return (new Slot(obj, key, -1), $"{path}.{key}");
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                        foreach (var leaf in Leaves(array[i], $"{path}[{i}]"))
                            yield return leaf;
                    else
                        yield return (new Slot(array, null, i), $"{path}[{i}]");
                }
                break;
        }
    }

    private sealed record Slot(JsonNode Owner, string? Key, int Index)
    {
        public JsonNode? Replace(string value)
        {
            var original = Get();
            Restore(JsonValue.Create(value));
            return original?.DeepClone();
        }

        public void Restore(JsonNode? value)
        {
            if (Key is not null)
                Owner.AsObject()[Key] = value;
            else
                Owner.AsArray()[Index] = value;
        }

        private JsonNode? Get() => Key is not null ? Owner.AsObject()[Key] : Owner.AsArray()[Index];
    }

    [GeneratedRegex(@"^```yaml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();
}

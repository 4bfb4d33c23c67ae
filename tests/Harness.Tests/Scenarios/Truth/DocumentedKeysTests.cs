using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios.Truth;

/// <summary>
/// docs/scenarios.md, the loader and schema/scenario.schema.json name the same keys and toxic types: every key the loader
/// accepts is documented and in the schema, every documented top-level key and toxic type is accepted by the loader.
/// </summary>
public sealed partial class DocumentedKeysTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scenarios.md"));
    private static readonly JsonElement Schema = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "scenario.schema.json")))
        .RootElement;

    /// <summary>Every key of every mapping the loader reads, browser step kinds and their settings, toxic types and attributes.</summary>
    private static IEnumerable<string> LoaderKeys()
    {
        var arrays = typeof(ScenarioKeys)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]))
            .SelectMany(f => (string[])f.GetValue(null)!);
        var sections = ScenarioKeys.ProbeSections.Values.SelectMany(s => s.Keys.Concat(s.Values.SelectMany(v => v)));
        var settingsField = typeof(BrowserStepReader).GetField("Settings", BindingFlags.NonPublic | BindingFlags.Static)!;
        var stepSettings = (Dictionary<string, string[]>)settingsField.GetValue(null)!;
        return arrays
            .Concat(sections)
            .Concat(BrowserStepReader.Kinds)
            .Concat(stepSettings.Values.SelectMany(v => v))
            .Append("timeout")
            .Concat(ToxicCatalog.All.Keys)
            .Concat(ToxicCatalog.All.Values.SelectMany(t => t.Attributes).Select(a => a.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Names written in backticks, and keys of the YAML examples.</summary>
    private static HashSet<string> DocumentedNames()
    {
        // `network.bind_all` names bind_all (and network).
        var names = Backticked().Matches(Docs).SelectMany(m => m.Groups["name"].Value.Split('.')).ToHashSet(StringComparer.Ordinal);
        foreach (Match block in YamlBlock().Matches(Docs))
        {
            foreach (Match key in YamlKey().Matches(block.Groups["yaml"].Value))
                names.Add(key.Groups["name"].Value);
        }
        return names;
    }

    [Test]
    public void EveryLoaderKey_IsDocumented()
    {
        var documented = DocumentedNames();

        var missing = LoaderKeys().Where(k => !documented.Contains(k)).ToList();
        Assert.That(missing, Is.Empty, "keys the loader accepts that docs/scenarios.md never names: " + string.Join(", ", missing));
    }

    [Test]
    public void TopLevelTable_ListsExactlyTheLoadersRootKeys()
    {
        var section = Docs[Docs.IndexOf("## Top level", StringComparison.Ordinal)..Docs.IndexOf("## variables", StringComparison.Ordinal)];
        var documented = TableKeys(section);

        Assert.That(documented, Is.EquivalentTo(ScenarioKeys.Root));
    }

    [Test]
    public void ToxicTables_ListExactlyTheLoadersTypes_AsDoesTheSchemaAndDocsToxics()
    {
        var start = Docs.IndexOf("| type | attributes | what it does |", StringComparison.Ordinal);
        var table = Docs[start..Docs.IndexOf("\n\n", start, StringComparison.Ordinal)];
        var toxicsDoc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "toxics.md"));
        var engineTypes = ToxicHeading().Matches(toxicsDoc).Select(m => m.Groups["name"].Value).ToList();
        var toxicType = Schema
            .GetProperty("properties")
            .GetProperty("timeline")
            .GetProperty("items")
            .GetProperty("properties")
            .GetProperty("toxics")
            .GetProperty("items")
            .GetProperty("properties")
            .GetProperty("type");
        var schemaTypes = toxicType.GetProperty("anyOf")[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.That(TableKeys(table), Is.EquivalentTo(ToxicCatalog.All.Keys));
        Assert.That(engineTypes, Is.EquivalentTo(ToxicCatalog.All.Keys), "docs/toxics.md: every type the embedded server has");
        Assert.That(schemaTypes, Is.EquivalentTo(ToxicCatalog.All.Keys));
    }

    private const string ProxyNetwork = """network: { proxies: [ { name: edge, upstream: "127.0.0.1:9" } ] }""";

    private const string PacketNetwork = """
        services: [ { name: svc, command: [svc] } ]
        network: { mode: packet, proxies: [ { name: edge, upstream: svc } ] }
        """;

    [TestCaseSource(nameof(ToxicTypes))]
    public void EveryToxicType_LoadsWithEveryAttribute(string type)
    {
        var attributes = ToxicSamples.For(type);
        var toxic = string.Join(", ", attributes.Select(a => $"{a.Key}: \"{a.Value.Written}\""));
        var result = ScenarioLoader.LoadText(
            $$"""
            name: t
            target: { allow_hosts: [127.0.0.1] }
            {{(ToxicCatalog.All[type].PacketModeOnly ? PacketNetwork : ProxyNetwork)}}
            timeline: [ { phase: p, duration: 1s, toxics: [ { proxy: edge, type: {{type}}{{(toxic.Length > 0 ? ", " + toxic : "")}} } ] } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:9/" } } ]
            """,
            "t.yaml"
        );

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var spec = result.Scenario!.Timeline.Single().Toxics.Single();
        Assert.That(spec.Type, Is.EqualTo(type));
        Assert.That(spec.Attributes, Is.EquivalentTo(attributes.ToDictionary(a => a.Key, a => a.Value.Wire)));
    }

    /// <summary>The schema and the loader name the same keys, each way (the editor flags neither valid nor invalid keys wrongly).</summary>
    [Test]
    public void Schema_DeclaresExactlyTheLoadersKeys()
    {
        Assert.That(SchemaKeys(Schema), Is.EquivalentTo(ScenarioKeys.Root));
        Assert.That(SchemaKeys(Schema, "target"), Is.EquivalentTo(ScenarioKeys.Target));
        Assert.That(SchemaKeys(Schema, "services", "[]"), Is.EquivalentTo(ScenarioKeys.Service));
        Assert.That(SchemaKeys(Schema, "network"), Is.EquivalentTo(ScenarioKeys.Network));
        Assert.That(SchemaKeys(Schema, "network", "proxies", "[]"), Is.EquivalentTo(ScenarioKeys.Proxy));
        Assert.That(SchemaKeys(Schema, "regions"), Is.EquivalentTo(ScenarioKeys.Regions));
        Assert.That(SchemaKeys(Schema, "timeline", "[]"), Is.EquivalentTo(ScenarioKeys.Phase));
        Assert.That(
            SchemaKeys(Schema, "timeline", "[]", "toxics", "[]"),
            Is.EquivalentTo(ScenarioKeys.ToxicCommon.Concat(ScenarioKeys.ToxicAttributes))
        );
        Assert.That(SchemaKeys(Schema, "timeline", "[]", "events", "[]"), Is.EquivalentTo(ScenarioKeys.Event));
        var probes = Schema
            .GetProperty("properties")
            .GetProperty("probes")
            .GetProperty("items")
            .GetProperty("oneOf")
            .EnumerateArray()
            .ToDictionary(
                p => p.GetProperty("required")[0].GetString()!,
                p => p.GetProperty("properties").EnumerateObject().Single().Value
            );
        Assert.That(probes.Keys, Is.EquivalentTo(ScenarioKeys.ProbeKinds));
        foreach (var (kind, keys) in ScenarioKeys.ProbeSettings)
            Assert.That(SchemaKeys(probes[kind]), Is.EquivalentTo(keys), kind);
        Assert.That(SchemaKeys(probes["browser"], "steps", "[]"), Is.EquivalentTo(BrowserStepReader.Kinds.Append("timeout")));
    }

    private static IEnumerable<string> SchemaKeys(JsonElement node, params string[] path)
    {
        foreach (var step in path)
            node = step == "[]" ? node.GetProperty("items") : node.GetProperty("properties").GetProperty(step);
        return node.GetProperty("properties").EnumerateObject().Select(p => p.Name);
    }

    private static IEnumerable<string> ToxicTypes() => ToxicCatalog.All.Keys;

    private static List<string> TableKeys(string markdown) =>
        TableRowKey()
            .Matches(markdown)
            .SelectMany(m => m.Groups["cell"].Value.Split(','))
            .Select(c => c.Trim().Trim('`'))
            .Where(c => c.Length > 0)
            .ToList();

    [GeneratedRegex(@"`(?<name>[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*)[`:\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^```yaml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"(?<![\w/.-])(?<name>[a-z_][a-z0-9_]*):(\s|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"^\| (?<cell>`[a-z_]+`(, `[a-z_]+`)*) \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableRowKey();

    [GeneratedRegex(@"^### `(?<name>[a-z_]+)`", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ToxicHeading();
}

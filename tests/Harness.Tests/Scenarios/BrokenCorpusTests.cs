using System.Text.RegularExpressions;
using Harness.Scenarios.Loading;
using Harness.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Mutates every valid scenario in the repository in ways that must make it invalid (misspelt keys, values of
/// the wrong shape, missing required keys, unknown metrics and profiles, variable cycles, truncated YAML) and
/// checks each yields located errors and never an exception.
/// </summary>
public sealed partial class BrokenCorpusTests
{
    [GeneratedRegex(@"^[^:]+\.yaml:\d+:\d+: \S")]
    private static partial Regex Located();

    // A participant's attributes are its own tags: any key is valid, so a misspelt one is a new tag, not an error.
    private static readonly string[] FreeKeyMaps = ["env", "variables", "matrix", "axes", "thresholds", "attributes"];
    private static readonly Dictionary<string, string> BadValues = new(StringComparer.Ordinal)
    {
        ["duration"] = "ten seconds",
        ["every"] = "often",
        ["latency"] = "slow",
        ["jitter"] = "-",
        ["ready_timeout"] = "5",
        ["clients"] = "many",
        ["expect_status"] = "ok",
        ["seed"] = "random",
        ["stream"] = "sideways",
        ["toxicity"] = "2",
        ["port"] = "99999",
        ["type"] = "tornado",
        ["upstream"] = "nowhere",
        ["rate"] = "fast",
        ["count"] = "0",
        ["url"] = "::not a url::",
        ["executor"] = "per-vu",
        ["toxiproxy"] = "not-a-url",
        ["max_duration"] = "1ms",
    };

    public static IEnumerable<TestCaseData> Mutations()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "scenarios");
        var files = Directory
            .EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/profiles/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(directory, file);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var keys = Keys(stream.Documents[0].RootNode, inFreeMap: false).ToList();
            foreach (var (key, node) in keys)
            {
                var line = (int)key.Start.Line;
                yield return Case(name, $"typo in key '{key.Value}' line {line}", ReplaceAt(text, key, key.Value + "x"));
                if (BadValues.TryGetValue(key.Value!, out var bad) && node is YamlScalarNode scalar)
                {
                    yield return Case(name, $"bad value for '{key.Value}' line {line}", ReplaceAt(text, scalar, bad));
                }
            }
            foreach (var required in new[] { "name:", "timeline:", "probes:" })
            {
                yield return Case(name, $"missing {required}", Regex.Replace(text, $"(?m)^{required}", "removed_" + required));
            }
            yield return Case(
                name,
                "unknown metric",
                text.Replace("ws_msgs_lost", "ws_msgs_lots", StringComparison.Ordinal)
                    .Replace("http_req_duration", "http_req_durtion", StringComparison.Ordinal)
                    .Replace("checks rate", "chekcs rate", StringComparison.Ordinal)
                    .Replace("\"checks{", "\"chekcs{", StringComparison.Ordinal)
                    .Replace("http_req_failed", "http_req_faild", StringComparison.Ordinal)
            );
            foreach (var (mutation, mutated) in ScopeAndEventMutations(text).Where(m => m.Text != text))
                yield return Case(name, mutation, mutated);
            yield return Case(name, "undefined variable", text.Replace("name: ", "description: ${nope}\nname: ", StringComparison.Ordinal));
            yield return Case(name, "variable cycle", "variables: { a: \"${b}\", b: \"${a}\" }\n" + text);
            yield return Case(name, "second document", text + "\n---\nname: other\n");
            foreach (var cut in new[] { 0.3, 0.6, 0.9 })
            {
                var truncated = text[..(int)(text.Length * cut)] + "\n  - [unclosed: {\n";
                yield return Case(name, $"truncated at {cut:P0}", truncated);
            }
        }
    }

    // Threshold tag and cell scopes and browser_network events name things declared elsewhere in the file.
    private static IEnumerable<(string Mutation, string Text)> ScopeAndEventMutations(string text)
    {
        yield return ("unknown tag in a threshold scope", ThresholdScopeTag().Replace(text, "${open}${tag}x:", 1));
        yield return ("unknown participant in a threshold scope", ThresholdParticipant().Replace(text, "${head}${value}x", 1));
        yield return ("unknown matrix value in when", WhenValue().Replace(text, "${head}${value}x", 1));
        yield return ("unknown participant in browser_network", BrowserNetworkParticipant().Replace(text, "${head}${value}x", 1));
        yield return (
            "unknown probe in browser_network",
            text.Replace("browser_network: { participant:", "browser_network: { probe: nope, participant:", StringComparison.Ordinal)
        );
    }

    [GeneratedRegex(@"(?<open>""[a-z_]+\{(?:[a-z_]+:[^,}]+,)*)(?<tag>[a-z_]+):", RegexOptions.CultureInvariant)]
    private static partial Regex ThresholdScopeTag();

    [GeneratedRegex(@"(?<head>""[a-z_]+\{[^}]*participant:)(?<value>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ThresholdParticipant();

    [GeneratedRegex(@"(?<head>when: \{ [A-Za-z0-9_.]+: \[?\s*""?)(?<value>[A-Za-z0-9_.-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WhenValue();

    [GeneratedRegex(@"(?<head>browser_network: \{[^}]*participant: )(?<value>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BrowserNetworkParticipant();

    private static TestCaseData Case(string file, string mutation, string text) =>
        new TestCaseData(file, text) { TestName = $"Broken {file}: {mutation}" };

    private static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Keys(YamlNode node, bool inFreeMap)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode k)
                        continue;
                    if (!inFreeMap)
                        yield return (k, value);
                    // A chosen variable's entries ({ by: full, "false": ..., "true": ... }) are named by values, not keys of the format.
                    var chosen = value is YamlMappingNode table && table.Children.ContainsKey(new YamlScalarNode("by"));
                    foreach (var inner in Keys(value, FreeKeyMaps.Contains(k.Value) || chosen))
                        yield return inner;
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                foreach (var inner in Keys(item, false))
                    yield return inner;
                break;
        }
    }

    private static string ReplaceAt(string text, YamlNode node, string replacement)
    {
        var start = (int)node.Start.Index;
        var end = (int)node.End.Index;
        var quoted = node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted };
        return text[..start] + (quoted ? $"\"{replacement}\"" : replacement) + text[end..];
    }

    [Test]
    public void Corpus_HasAtLeastTwoHundredMutations() => Assert.That(Mutations().Count(), Is.GreaterThanOrEqualTo(200));

    [Test]
    public void Corpus_MutatesThresholdScopesAndBrowserNetworkEvents()
    {
        var names = Mutations().Select(m => m.TestName ?? string.Empty).ToList();

        foreach (
            var mutation in new[]
            {
                "unknown tag in a threshold scope",
                "unknown participant in a threshold scope",
                "unknown matrix value in when",
                "unknown participant in browser_network",
                "unknown probe in browser_network",
            }
        )
        {
            Assert.That(names, Has.Some.EndsWith(": " + mutation), mutation);
        }
    }

    [TestCaseSource(nameof(Mutations))]
    public void Mutation_IsRejectedWithLocatedErrors(string file, string text)
    {
        var path = Path.Combine(RepositoryPaths.Root, "scenarios", file);
        LoadResult? result = null;

        Assert.That(() => result = ScenarioLoader.LoadText(text, path, "mutated.yaml", new Dictionary<string, string>()), Throws.Nothing);
        Assert.That(result!.Succeeded, Is.False, "a broken scenario must not load");
        Assert.That(result.Diagnostics, Is.Not.Empty);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.All.Match(Located()));
    }
}

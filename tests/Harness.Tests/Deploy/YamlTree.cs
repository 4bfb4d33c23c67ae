using Harness.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Deploy;

/// <summary>A YAML file as plain values (mappings, sequences, strings) for structural checks, and the CLI's own parser.</summary>
internal static class YamlTree
{
    public static Dictionary<string, object> Load(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, relativePath)))
            stream.Load(reader);
        Assert.That(stream.Documents, Has.Count.EqualTo(1), $"{relativePath}: one YAML document");
        return Map(Convert(stream.Documents[0].RootNode), relativePath);
    }

    public static Dictionary<string, object> Map(object? value, string where) =>
        value as Dictionary<string, object> ?? throw new AssertionException($"{where}: expected a mapping, found {value ?? "nothing"}");

    public static List<object> Seq(object? value, string where) =>
        value as List<object> ?? throw new AssertionException($"{where}: expected a sequence, found {value ?? "nothing"}");

    public static string Str(object? value, string where) =>
        value as string ?? throw new AssertionException($"{where}: expected a string, found {value ?? "nothing"}");

    public static Dictionary<string, object> Map(Dictionary<string, object> parent, string key) => Map(parent.GetValueOrDefault(key), key);

    public static List<object> Seq(Dictionary<string, object> parent, string key) => Seq(parent.GetValueOrDefault(key), key);

    public static string Str(Dictionary<string, object> parent, string key) => Str(parent.GetValueOrDefault(key), key);

    /// <summary>Whether the real CLI's parser accepts <paramref name="args"/> (nothing is run).</summary>
    public static async Task<int> ParseWithCliAsync(IReadOnlyList<string> args) =>
        await global::Harness.Cli.HarnessCli.RunAsync([.. args], parseOnly: true);

    private static object Convert(YamlNode node) =>
        node switch
        {
            YamlMappingNode m => m.Children.ToDictionary(
                c => ((YamlScalarNode)c.Key).Value!,
                c => Convert(c.Value),
                StringComparer.Ordinal
            ),
            YamlSequenceNode s => s.Children.Select(Convert).ToList(),
            YamlScalarNode s => s.Value ?? "",
            _ => throw new AssertionException($"unexpected YAML node {node.NodeType}"),
        };
}

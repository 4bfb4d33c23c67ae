using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>The file being read and the bag its problems go to.</summary>
internal sealed class YamlReadContext(string file, DiagnosticBag diagnostics)
{
    public string File { get; } = file;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => Diagnostics.Add(At(node), message);

    public static string Describe(YamlNode node) =>
        node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode s when string.IsNullOrEmpty(s.Value) => "an empty value",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "an unsupported value",
        };
}

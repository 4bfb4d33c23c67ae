using System.Text.RegularExpressions;
using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>Sets a matrix value at a scenario path such as <c>network.profile</c> or <c>probes[0].websocket.clients</c>.</summary>
internal static partial class MatrixPaths
{
    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)(\[(?<index>[0-9]+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    public static bool IsPath(string axis) => axis.Contains('.', StringComparison.Ordinal) || axis.Contains('[', StringComparison.Ordinal);

    public static void Set(YamlMappingNode root, string path, string value, SourceLocation where, DiagnosticBag diagnostics)
    {
        var segments = path.Split('.');
        YamlNode current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment().Match(segments[i]);
            if (!match.Success || current is not YamlMappingNode mapping)
            {
                diagnostics.Add(where, $"matrix axis '{path}': '{segments[i]}' is not a path step into a mapping");
                return;
            }
            var key = new YamlScalarNode(match.Groups["key"].Value);
            var last = i == segments.Length - 1 && !match.Groups["index"].Success;
            if (last)
            {
                mapping.Children[key] = new YamlScalarNode(value);
                return;
            }
            if (!mapping.Children.TryGetValue(key, out var next))
            {
                if (match.Groups["index"].Success)
                {
                    diagnostics.Add(where, $"matrix axis '{path}': '{key.Value}' is not in the scenario");
                    return;
                }
                next = new YamlMappingNode();
                mapping.Children[key] = next;
            }
            if (match.Groups["index"].Success)
            {
                var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (next is not YamlSequenceNode list || index >= list.Children.Count)
                {
                    diagnostics.Add(where, $"matrix axis '{path}': '{key.Value}' has no entry [{index}]");
                    return;
                }
                if (i == segments.Length - 1)
                {
                    list.Children[index] = new YamlScalarNode(value);
                    return;
                }
                next = list.Children[index];
                // probes[0].websocket.clients: a probe entry is { kind: {...} }, so the kind is the next step.
            }
            current = next;
        }
    }
}

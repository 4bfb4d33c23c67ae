using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Scenarios.Schema;

/// <summary>
/// YAML (as YamlDotNet reads it) to JSON for schema validation: plain scalars resolve by the YAML 1.2 core schema
/// (null, booleans, integers, floats), quoted scalars stay strings, mapping keys are strings.
/// </summary>
internal static partial class YamlJson
{
    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    public static JsonNode? FromText(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    public static JsonNode? Convert(YamlNode node) =>
        node switch
        {
            YamlMappingNode mapping => new JsonObject(
                mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))
            ),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new NotSupportedException(node.GetType().Name),
        };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return JsonValue.Create(n);
        }
        if (Float().IsMatch(text))
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }
}

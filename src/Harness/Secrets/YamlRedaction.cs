using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Secrets;

/// <summary>
/// Masks secrets in a YAML text value by value (every scalar, keys too) and writes it again, so a secret is masked
/// before the emitter quotes, escapes or folds it.
/// </summary>
internal static class YamlRedaction
{
    public static string Apply(string yaml, Redactor redactor)
    {
        if (redactor.IsEmpty || yaml.Length == 0)
            return yaml;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return redactor.Apply(yaml); // not YAML after all: masked as text
        }
        foreach (var document in stream.Documents)
            Mask(document.RootNode, redactor);
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void Mask(YamlNode node, Redactor redactor)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { } value:
                scalar.Value = redactor.Apply(value);
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                    Mask(child, redactor);
                break;
            case YamlMappingNode mapping:
                var entries = mapping.Children.ToList();
                mapping.Children.Clear();
                foreach (var (key, value) in entries)
                {
                    Mask(key, redactor);
                    Mask(value, redactor);
                    mapping.Children[key] = value;
                }
                break;
        }
    }
}

using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>Reads one entry of <c>probes:</c>, a mapping with a single key naming the probe kind.</summary>
internal static class ProbeDocumentReader
{
    public static ProbeDocument? Read(YamlNode node, YamlReadContext context)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } wrapper)
        {
            context.Error(
                node,
                $"each probe must be a mapping with one key naming its kind ({string.Join(", ", ScenarioKeys.ProbeKinds)}), found {YamlReadContext.Describe(node)}"
            );
            return null;
        }
        var (keyNode, body) = wrapper.Children.Single();
        var kind = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        if (!ScenarioKeys.ProbeSettings.TryGetValue(kind, out var keys))
        {
            context.Error(
                keyNode,
                $"unknown probe kind '{kind}'{DidYouMean.Suffix(kind, ScenarioKeys.ProbeKinds)}; known kinds: {string.Join(", ", ScenarioKeys.ProbeKinds)}"
            );
            return null;
        }
        var probe = MappingReader.Open(body, $"{kind} probe", context, keys);
        if (probe is null)
            return null;
        var sectionKeys = ScenarioKeys.ProbeSections[kind];
        var sections = new Dictionary<string, IReadOnlyDictionary<string, Located<string>>>(StringComparer.Ordinal);
        foreach (var (section, allowed) in sectionKeys)
        {
            var sectionNode = probe.Node(section);
            if (sectionNode is null)
                continue;
            var reader = MappingReader.Open(sectionNode, $"{kind} probe {section}", context, allowed);
            if (reader is not null)
                sections[section] = reader.Scalars(allowed);
        }
        // Keys holding lists or mappings (steps, participants, stages, reconnect) are read by the kind's own validator.
        var plain = keys.Where(k => !sectionKeys.ContainsKey(k) && probe.Node(k) is null or YamlScalarNode);
        return new ProbeDocument(probe.Location, kind, probe.Scalars(plain), sections) { Body = probe };
    }
}

using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>Reads one entry of a phase's <c>events:</c>: <c>{ at: 2s, reset_connections: edge }</c> or <c>{ at: 0s, flap: { ... } }</c>.</summary>
internal static class EventDocumentReader
{
    public static EventDocument? Read(YamlNode node, YamlReadContext context)
    {
        var reader = MappingReader.Open(node, "event", context, ScenarioKeys.Event);
        if (reader is null) return null;
        var actions = ScenarioKeys.EventActions.Where(reader.Has).ToList();
        if (actions.Count != 1)
        {
            context.Diagnostics.Add(reader.Location, $"event: give exactly one action ({string.Join(", ", ScenarioKeys.EventActions)}), found {(actions.Count == 0 ? "none" : string.Join(" and ", actions))}");
            return null;
        }
        var action = actions[0];
        var value = reader.Node(action)!;
        var located = new Located<string>(action, reader.KeyLocation(action));
        if (value is YamlScalarNode)
        {
            var proxy = reader.Scalar(action);
            return proxy is null ? null : new EventDocument(reader.Location, reader.Scalar("at"), located, new Dictionary<string, Located<string>> { ["proxy"] = proxy });
        }
        var keys = action == "flap" ? ScenarioKeys.Flap : action == "ramp" ? ScenarioKeys.Ramp : ["proxy"];
        var settings = MappingReader.Open(value, $"{action} event", context, keys);
        return settings is null ? null : new EventDocument(reader.Location, reader.Scalar("at"), located, settings.Scalars(keys));
    }
}

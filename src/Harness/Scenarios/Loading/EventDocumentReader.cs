using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>
/// Reads one entry of a phase's <c>events:</c>: <c>{ at: 2s, reset_connections: edge }</c>, <c>{ at: 0s, flap: { ... } }</c> or <c>{ at:
/// 5s, browser_network: slow-3g }</c>.
/// </summary>
internal static class EventDocumentReader
{
    public static EventDocument? Read(YamlNode node, YamlReadContext context)
    {
        var reader = MappingReader.Open(node, "event", context, ScenarioKeys.Event);
        if (reader is null)
            return null;
        var actions = ScenarioKeys.EventActions.Where(reader.Has).ToList();
        if (actions.Count != 1)
        {
            context.Diagnostics.Add(
                reader.Location,
                $"event: give exactly one action ({string.Join(", ", ScenarioKeys.EventActions)}), found {(actions.Count == 0 ? "none" : string.Join(" and ", actions))}"
            );
            return null;
        }
        var action = actions[0];
        var value = reader.Node(action)!;
        var located = new Located<string>(action, reader.KeyLocation(action));
        if (value is YamlScalarNode)
        {
            var scalar = reader.Scalar(action);
            // browser_network: reset, or browser_network: PROFILE (every participant); the other actions name a proxy.
            var key =
                action != "browser_network" ? "proxy"
                : scalar?.Value == "reset" ? "reset"
                : "profile";
            if (scalar is not null && key == "reset")
                scalar = scalar with { Value = "true" };
            return scalar is null
                ? null
                : new EventDocument(
                    reader.Location,
                    reader.Scalar("at"),
                    located,
                    new Dictionary<string, Located<string>> { [key] = scalar }
                );
        }
        var keys = action switch
        {
            "flap" => ScenarioKeys.Flap,
            "ramp" => ScenarioKeys.Ramp,
            "browser_network" => ScenarioKeys.BrowserNetwork,
            _ => ["proxy"],
        };
        var settings = MappingReader.Open(value, $"{action} event", context, keys);
        return settings is null ? null : new EventDocument(reader.Location, reader.Scalar("at"), located, settings.Scalars(keys));
    }
}

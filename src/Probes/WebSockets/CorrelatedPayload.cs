using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Builds correlated requests: the template JSON object with an id written at a dotted path (creating objects on the way).
/// </summary>
internal sealed class CorrelatedPayload(string template, string path)
{
    private readonly string[] _segments = path.Split('.');

    public static bool IsObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public byte[] Build(string id)
    {
        var root = (JsonObject)JsonNode.Parse(template)!;
        var node = root;
        foreach (var segment in _segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }
            node = child;
        }
        node[_segments[^1]] = id;
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }
}

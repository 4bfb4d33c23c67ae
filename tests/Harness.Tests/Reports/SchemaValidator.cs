using System.Text.Json;

namespace Harness.Tests.Reports;

/// <summary>
/// The subset of JSON Schema draft-07 that schema/results.schema.json uses (type, const, enum, required, properties,
/// additionalProperties, items, $ref to definitions). No schema library is on our mirror; this is enough to prove a
/// document and the schema agree, and that every property the model writes is declared.
/// </summary>
internal sealed class SchemaValidator(JsonElement schema)
{
    public static SchemaValidator Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());

    public List<string> Validate(JsonElement document)
    {
        var problems = new List<string>();
        Check(schema, document, "$", problems);
        return problems;
    }

    private void Check(JsonElement rule, JsonElement value, string path, List<string> problems)
    {
        if (rule.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Replace("#/definitions/", "", StringComparison.Ordinal);
            Check(schema.GetProperty("definitions").GetProperty(name), value, path, problems);
            return;
        }
        if (rule.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: {value.ValueKind} is not {type}");
            return;
        }
        if (rule.TryGetProperty("const", out var constant) && value.ToString() != constant.ToString())
            problems.Add($"{path}: {value} is not {constant}");
        if (rule.TryGetProperty("enum", out var options) && options.EnumerateArray().All(o => o.ToString() != value.ToString()))
        {
            problems.Add($"{path}: {value} is not one of {options}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (rule.TryGetProperty("required", out var required))
            {
                problems.AddRange(
                    required
                        .EnumerateArray()
                        .Select(r => r.GetString()!)
                        .Where(r => !value.TryGetProperty(r, out _))
                        .Select(r => $"{path}: required {r} is missing")
                );
            }
            var properties = rule.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertyRule))
                {
                    Check(propertyRule, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (rule.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                        problems.Add($"{path}.{property.Name}: not declared in the schema");
                    else if (additional.ValueKind == JsonValueKind.Object)
                        Check(additional, property.Value, $"{path}.{property.Name}", problems);
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array && rule.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Check(items, item, $"{path}[{i++}]", problems);
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => Matches(t.GetString()!, value))
            : Matches(type.GetString()!, value);

    private static bool Matches(string type, JsonElement value) =>
        type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            _ => false,
        };
}

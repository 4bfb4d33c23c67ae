using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Field access with Go's struct-decoding rules: keys match case-insensitively, a repeated key's last value wins,
/// JSON null leaves the field as it was (the default, or an earlier duplicate key's value), and a type mismatch is
/// an error naming the Go struct and the field path (<c>LatencyToxic.attributes.latency</c>), as Go 1.20+ prints it.
/// </summary>
internal sealed class GoObject(JsonElement element, string goStruct, string fieldPrefix = "")
{
    public static bool TryCreate(
        JsonElement root,
        string goStruct,
        string goValueType,
        [NotNullWhen(true)] out GoObject? value,
        out string error
    )
    {
        value = null;
        error = "";
        if (root.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
        {
            value = new GoObject(root, goStruct);
            return true;
        }
        error = $"json: cannot unmarshal {GoJson.KindName(root)} into Go value of type {goValueType}";
        return false;
    }

    /// <summary>The same object decoded as a nested Go struct reached through <paramref name="prefix"/> (e.g. "attributes.").</summary>
    public GoObject Rebrand(string otherStruct, string prefix = "") => new(element, otherStruct, prefix);

    public bool TryGet(string field, out JsonElement value)
    {
        value = default;
        var found = false;
        if (element.ValueKind != JsonValueKind.Object)
            return false;
        foreach (var property in element.EnumerateObject())
        {
            // Go decodes every duplicate in order; a null one is a no-op, so an earlier value survives it.
            if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                found = true;
            }
        }
        return found;
    }

    public bool TryString(string field, out string? value, ref string? error)
    {
        value = null;
        if (!TryGet(field, out var raw))
            return true;
        if (raw.ValueKind == JsonValueKind.String)
        {
            value = raw.GetString();
            return true;
        }
        return Mismatch(raw, field, "string", ref error);
    }

    public bool TryBool(string field, out bool? value, ref string? error)
    {
        value = null;
        if (!TryGet(field, out var raw))
            return true;
        if (raw.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = raw.GetBoolean();
            return true;
        }
        return Mismatch(raw, field, "bool", ref error);
    }

    public bool TryFloat32(string field, out float? value, ref string? error)
    {
        value = null;
        if (!TryGet(field, out var raw))
            return true;
        if (raw.ValueKind == JsonValueKind.Number && raw.TryGetSingle(out var number) && float.IsFinite(number))
        {
            value = number;
            return true;
        }
        if (raw.ValueKind == JsonValueKind.Number)
        {
            error ??=
                $"json: cannot unmarshal number {raw.GetRawText()} into Go struct field {goStruct}.{fieldPrefix}{field} of type float32";
            return false;
        }
        return Mismatch(raw, field, "float32", ref error);
    }

    /// <summary>A nested object; <paramref name="goType"/> names the Go type a non-object fails to decode into.</summary>
    public bool TryObject(string field, string goType, out GoObject? value, ref string? error)
    {
        value = null;
        if (!TryGet(field, out var raw))
            return true;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            value = new GoObject(raw, goStruct, fieldPrefix + field + ".");
            return true;
        }
        return Mismatch(raw, field, goType, ref error);
    }

    /// <summary>Integers only, as Go decodes into int64: <c>1.5</c> is an error, not a rounding.</summary>
    public bool TryInt64(string field, out long? value, ref string? error)
    {
        value = null;
        if (!TryGet(field, out var raw))
            return true;
        if (raw.ValueKind == JsonValueKind.Number && raw.TryGetInt64(out var number))
        {
            value = number;
            return true;
        }
        var kind = raw.ValueKind == JsonValueKind.Number ? "number " + raw.GetRawText() : GoJson.KindName(raw);
        error ??= $"json: cannot unmarshal {kind} into Go struct field {goStruct}.{fieldPrefix}{field} of type int64";
        return false;
    }

    // Go names the literal only when a number fails to parse into a numeric field; otherwise just its kind.
    private bool Mismatch(JsonElement raw, string field, string goType, ref string? error)
    {
        error ??= $"json: cannot unmarshal {GoJson.KindName(raw)} into Go struct field {goStruct}.{fieldPrefix}{field} of type {goType}";
        return false;
    }
}

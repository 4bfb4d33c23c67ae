using System.Diagnostics.CodeAnalysis;
using Harness.Impairment.Model;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Server.Http;

/// <summary>The request's <c>attributes</c> object, decoded only once the engine knows the toxic type.</summary>
internal sealed class JsonAttributeInput(GoObject attributes) : ToxicAttributeInput
{
    public override bool TryDecode(
        ToxicSchema schema,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, long>? values,
        [NotNullWhen(false)] out string? error
    )
    {
        // Error messages name the toxic's Go struct and the path (LatencyToxic.attributes.latency), known only once the type is.
        var scoped = attributes.Rebrand(schema.GoStructName, "attributes.");
        var decoded = new Dictionary<string, long>(StringComparer.Ordinal);
        error = null;
        foreach (var name in schema.AttributeNames)
        {
            if (!scoped.TryInt64(name, out var value, ref error))
            {
                values = null;
                error ??= "invalid attributes";
                return false;
            }
            if (value is { } present)
                decoded[name] = present;
        }
        values = decoded;
        return true;
    }
}

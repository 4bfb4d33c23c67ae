using System.Diagnostics.CodeAnalysis;

namespace Harness.Impairment.Model;

/// <summary>
/// Attributes still to be decoded against the toxic type's schema. Decoding is deferred because the real server
/// checks the type and name conflicts before it looks at attributes, and error precedence is observable.
/// </summary>
public abstract class ToxicAttributeInput
{
    public abstract bool TryDecode(
        ToxicSchema schema,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, long>? values,
        [NotNullWhen(false)] out string? error
    );

    public static ToxicAttributeInput FromValues(IReadOnlyDictionary<string, long> values) => new Decoded(values);

    private sealed class Decoded(IReadOnlyDictionary<string, long> given) : ToxicAttributeInput
    {
        public override bool TryDecode(
            ToxicSchema schema,
            [NotNullWhen(true)] out IReadOnlyDictionary<string, long>? values,
            [NotNullWhen(false)] out string? error
        )
        {
            values = given;
            error = null;
            return true;
        }
    }
}

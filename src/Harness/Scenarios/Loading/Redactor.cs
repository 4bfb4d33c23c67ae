namespace Harness.Scenarios.Loading;

/// <summary>Replaces secret values with *** in any text that leaves the process.</summary>
public sealed class Redactor(IEnumerable<string> secrets)
{
    public const string Mask = "***";

    // Longest first, so a secret that contains another is masked whole.
    private readonly string[] _secrets = secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();

    public static Redactor None { get; } = new([]);

    public string Apply(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}

using System.Text.RegularExpressions;
using Harness.Secrets;

namespace Harness.Scenarios.Loading;

/// <summary>
/// Replaces secret values with *** in a value before it is encoded for any output: each secret raw and in the
/// forms a target echoes it in (percent-encoded, JSON-escaped, HTML/XML-escaped, base64; see <see cref="SecretPattern"/>).
/// Every occurrence is masked, also inside longer words: a secret glued to other text (<c>token=pass&amp;x</c>) is still a secret.
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***";

    /// <summary>
    /// Secrets shorter than this (in characters) are masked like any other, and reported at load as likely to mask ordinary text.
    /// </summary>
    public const int MinimumLength = 6;

    // Masking can join text around a mask into a new copy of a secret that holds the mask; a few rounds undo that.
    private const int MaximumRounds = 4;

    private readonly Regex? _pattern;

    public Redactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        Secrets = secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
        if (Secrets.Count == 0)
            return;
        _pattern = new Regex(string.Join('|', Secrets.Select(s => $"(?:{SecretPattern.For(s)})")), RegexOptions.CultureInvariant);
    }

    public static Redactor None { get; } = new([]);

    public IReadOnlyList<string> Secrets { get; }

    public bool IsEmpty => _pattern is null;

    /// <summary>The secrets among <paramref name="secrets"/> shorter than <see cref="MinimumLength"/> characters.</summary>
    public static IReadOnlyList<string> TooShort(IEnumerable<string> secrets) =>
        secrets.Where(s => s.Length > 0 && s.EnumerateRunes().Count() < MinimumLength).ToList();

    public string Apply(string text)
    {
        if (_pattern is null || text.Length == 0)
            return text;
        for (var round = 0; round < MaximumRounds; round++)
        {
            var masked = _pattern.Replace(text, Mask);
            // No match, or a secret that is part of the mask itself (*): another round would only grow the text.
            if (masked == text || masked.Length >= text.Length)
                return masked;
            text = masked;
        }
        return text;
    }
}

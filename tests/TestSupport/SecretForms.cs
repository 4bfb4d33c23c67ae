using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.TestSupport;

/// <summary>The forms a secret takes once a writer has encoded it: none of them may appear in any output.</summary>
public static class SecretForms
{
    public static IReadOnlyList<(string Form, string Text)> Of(string secret)
    {
        var forms = new List<(string, string)>
        {
            ("raw", secret),
            ("json", JsonSerializer.Serialize(secret)[1..^1]),
            ("json-relaxed", JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()),
            ("html", HtmlEncoder.Default.Encode(secret)),
            ("html-webutility", WebUtility.HtmlEncode(secret)),
            ("url-%20", Uri.EscapeDataString(secret)),
            ("url-+", WebUtility.UrlEncode(secret)),
            ("xml", System.Security.SecurityElement.Escape(secret)),
        };
        return forms.Distinct().ToList();
    }

    /// <summary>The first form of <paramref name="secret"/> found in <paramref name="output"/>, or null.</summary>
    public static string? FoundIn(string output, string secret) =>
        Of(secret).Where(f => output.Contains(f.Text, StringComparison.Ordinal)).Select(f => f.Form).FirstOrDefault();

    /// <summary>Also in the raw bytes of a binary file (a database): the UTF-8 bytes of each form.</summary>
    public static string? FoundIn(byte[] output, string secret) =>
        Of(secret).Where(f => output.AsSpan().IndexOf(Encoding.UTF8.GetBytes(f.Text)) >= 0).Select(f => f.Form).FirstOrDefault();

    /// <summary>
    /// The first piece of <paramref name="secret"/> at least <paramref name="length"/> characters long found in <paramref name="output"/>,
    /// or null.
    /// </summary>
    public static string? FragmentIn(string output, string secret, int length) =>
        Enumerable
            .Range(0, Math.Max(0, secret.Length - length + 1))
            .Select(i => secret.Substring(i, length))
            .FirstOrDefault(piece => output.Contains(piece, StringComparison.Ordinal));
}

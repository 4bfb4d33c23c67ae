using System.Text;
using Harness.Scenarios.Loading;

namespace Harness.Tests.Secrets;

/// <summary>
/// A secret is masked in a value in every form it commonly takes when it comes back from outside: raw,
/// percent-encoded (either hex case, space as %20 or +, fully or partly), JSON-escaped, HTML/XML-escaped and base64.
/// </summary>
public sealed class RedactorFormsTests
{
    private const string Hostile = "ab+c/d=\"e&f<%";

    [TestCase("x%y", "url /a?t=x%25y&b=1", "url /a?t=***&b=1")]
    [TestCase("x%y", "url /a?t=x%25Y", "url /a?t=x%25Y")]
    [TestCase(Hostile, "q=ab%2Bc%2Fd%3D%22e%26f%3C%25 end", "q=*** end")]
    [TestCase(Hostile, "q=ab%2bc%2fd%3d%22e%26f%3c%25 end", "q=*** end")]
    [TestCase(Hostile, "partly ab+c/d=%22e&f%3C%25 end", "partly *** end")]
    [TestCase(Hostile, "json \"ab+c\\/d=\\\"e\\u0026f\\u003C%\"", "json \"***\"")]
    [TestCase(Hostile, "html ab+c/d=&quot;e&amp;f&lt;% and ab+c/d=&#34;e&#x26;f&#60;%", "html *** and ***")]
    [TestCase("two words", "form two+words and two%20words", "form *** and ***")]
    [TestCase("pässwörd✓", "raw pässwörd✓ url p%C3%A4ssw%C3%B6rd%E2%9C%93 json p\\u00e4ssw\\u00F6rd\\u2713", "raw *** url *** json ***")]
    public void Apply_MasksEncodedForms(string secret, string value, string expected)
    {
        Assert.That(new Redactor([secret]).Apply(value), Is.EqualTo(expected));
    }

    [Test]
    public void Apply_MasksBase64FormsAtAnyAlignment()
    {
        const string secret = "correct-horse-battery";
        var redactor = new Redactor([secret]);
        foreach (var prefix in new[] { "", "u:", "us:", "user:" })
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + secret));
            var masked = redactor.Apply("Authorization: Basic " + encoded);
            var left = masked["Authorization: Basic ".Length..].Replace(Redactor.Mask, "", StringComparison.Ordinal);
            Assert.That(masked, Does.Contain(Redactor.Mask), prefix);
            // What is left around the mask carries at most the prefix and a few bits of the secret's edges.
            Assert.That(left.Length, Is.LessThanOrEqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix)).Length + 4), prefix);
        }
    }

    [Test]
    public void Apply_SecretInsideCommonWords_IsStillMaskedWherever_ItAppears()
    {
        // Masking too much is the safe side: the value may be glued to other text (token=pass&x) in a URL.
        Assert.That(new Redactor(["pass"]).Apply("password pass bypass"), Is.EqualTo("***word *** by***"));
    }

    [Test]
    public void Apply_ASecretContainingTheMask_LeavesNoCopyBehind()
    {
        Assert.That(new Redactor(["a***b"]).Apply("xa***bx"), Is.EqualTo("x***x"));
    }

    [Test]
    public void ShortSecrets_AreNamedForAWarning()
    {
        Assert.That(Redactor.TooShort(["abc", "abcdef", "päss"]), Is.EqualTo(new[] { "abc", "päss" }));
    }
}

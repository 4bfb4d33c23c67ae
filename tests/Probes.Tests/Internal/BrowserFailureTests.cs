using Harness.Probes.Internal;

namespace Probes.Tests.Internal;

/// <summary>What Chromium and Playwright say becomes the same classes as the HTTP and WebSocket probes' failures.</summary>
public sealed class BrowserFailureTests
{
    [TestCase("net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/", false, "refused")]
    [TestCase("page.goto: net::ERR_CONNECTION_RESET at http://app.test/", false, "reset")]
    [TestCase("net::ERR_EMPTY_RESPONSE", false, "reset")]
    [TestCase("net::ERR_NAME_NOT_RESOLVED at http://nowhere.invalid/", false, "dns")]
    [TestCase("net::ERR_CERT_AUTHORITY_INVALID", false, "tls")]
    [TestCase("Timeout 5000ms exceeded.", false, "timeout")]
    [TestCase("Locator expected to be visible\nTimeout 5000ms exceeded", true, "check")]
    [TestCase("Target page, context or browser has been closed", false, "error")]
    public void Classify_BrowserMessages(string message, bool expectation, string expected)
    {
        Assert.That(BrowserFailure.Classify(message, expectation), Is.EqualTo(expected));
    }
}

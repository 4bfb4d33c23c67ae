namespace Harness.Probes.Internal;

/// <summary>
/// Classifies what a browser reports (Chromium's <c>net::ERR_*</c> codes in Playwright messages, Playwright's
/// timeouts) into the same classes as <see cref="FailureReason"/>, so a refused page and a refused request read alike.
/// </summary>
internal static class BrowserFailure
{
    private static readonly (string Code, string Class)[] NetErrors =
    [
        ("ERR_CONNECTION_REFUSED", FailureReason.Refused),
        ("ERR_CONNECTION_RESET", FailureReason.Reset),
        ("ERR_CONNECTION_CLOSED", FailureReason.Reset),
        ("ERR_CONNECTION_ABORTED", FailureReason.Reset),
        ("ERR_EMPTY_RESPONSE", FailureReason.Reset),
        ("ERR_NAME_NOT_RESOLVED", FailureReason.Dns),
        ("ERR_NAME_RESOLUTION_FAILED", FailureReason.Dns),
        ("ERR_CERT_", FailureReason.Tls),
        ("ERR_SSL_", FailureReason.Tls),
        ("ERR_TIMED_OUT", FailureReason.Timeout),
        ("ERR_CONNECTION_TIMED_OUT", FailureReason.Timeout),
    ];

    /// <summary>The class of a browser failure message; <paramref name="expectation"/> marks a step whose own check failed.</summary>
    public static string Classify(string message, bool expectation = false)
    {
        foreach (var (code, @class) in NetErrors)
        {
            if (message.Contains(code, StringComparison.Ordinal))
                return @class;
        }
        if (expectation)
            return FailureReason.Check;
        var timedOut = message.Contains("Timeout", StringComparison.Ordinal) && message.Contains("exceeded", StringComparison.Ordinal);
        if (timedOut)
            return FailureReason.Timeout;
        return FailureReason.Error;
    }
}

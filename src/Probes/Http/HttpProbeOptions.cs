using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>What an <see cref="HttpProbe"/> requests and what it expects.</summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
/// <param name="Url">The absolute http(s) URL requested.</param>
public sealed record HttpProbeOptions(string Name, Uri Url)
{
    /// <summary>
    /// Time between the starts of consecutive requests. Defaults to 1 s. A slower request delays the next one; it never overlaps.
    /// </summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The status code that counts as success. Defaults to 200.</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Whole-request limit: connect, headers and body. Defaults to 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Defaults to GET.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Extra request headers, as values (the CLI resolves environment variables); null for none.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The request body as text (JSON is text too); null (the default) sends none.</summary>
    public string? Body { get; init; }

    /// <summary>The body's media type. Defaults to <c>text/plain; charset=utf-8</c>; use <c>application/json</c> for JSON.</summary>
    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>Checks on the response beyond its status; null for none.</summary>
    public HttpExpectations? Expect { get; init; }

    /// <summary>Accepts any server certificate (self-signed staging). Defaults to false.</summary>
    public bool AllowUntrustedCertificates { get; init; }

    /// <summary>
    /// Follows redirects to the same origin (up to 5) inside one measured request, each one more round trip. Defaults
    /// to false: a redirect is the response.
    /// </summary>
    public bool FollowRedirects { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        var errors = new OptionErrors($"probe '{Name}'");
        errors.Require(
            Url.IsAbsoluteUri && (Url.Scheme == Uri.UriSchemeHttp || Url.Scheme == Uri.UriSchemeHttps),
            $"Url must be an absolute http or https URL, got '{Url}'"
        );
        errors.Require(Interval > TimeSpan.Zero, "Interval must be positive");
        errors.Require(Timeout > TimeSpan.Zero, "Timeout must be positive");
        errors.Require(ExpectedStatus is >= 100 and <= 599, $"ExpectedStatus must be 100-599, got {ExpectedStatus}");
        errors.Require(
            System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ContentType, out _),
            $"ContentType '{ContentType}' is not a media type"
        );
        foreach (var path in Expect?.JsonPathEquals?.Keys ?? [])
            errors.Require(JsonPath.IsValid(path), $"Expect.JsonPathEquals path '{path}' is not a dotted path");
        errors.Require(Expect?.BodyContains?.All(t => !string.IsNullOrEmpty(t)) ?? true, "Expect.BodyContains must not hold empty texts");
        errors.ThrowIfAny();
    }
}

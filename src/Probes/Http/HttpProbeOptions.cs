namespace Harness.Probes.Http;

/// <summary>What an <see cref="HttpProbe"/> requests and what it expects.</summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
/// <param name="Url">The absolute http(s) URL requested.</param>
public sealed record HttpProbeOptions(string Name, Uri Url)
{
    /// <summary>Time between the starts of consecutive requests. Defaults to 1 s. A slower request delays the next one; it never overlaps.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The status code that counts as success. Defaults to 200.</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Whole-request limit: connect, headers and body. Defaults to 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Defaults to GET.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Extra request headers; null for none.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"probe '{Name}': Url must be an absolute http or https URL, got '{Url}'");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(Interval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpectedStatus, 100, nameof(ExpectedStatus));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpectedStatus, 599, nameof(ExpectedStatus));
    }
}

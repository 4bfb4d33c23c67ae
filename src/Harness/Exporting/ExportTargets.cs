namespace Harness.Exporting;

/// <summary>
/// Where a run's results go besides its report: a Pushgateway (<c>--push</c>), an OTLP/HTTP collector (<c>--otlp</c>), a webhook
/// (<c>--notify</c>).
/// </summary>
public sealed record ExportTargets(Uri? Push, Uri? Otlp, Uri? Notify)
{
    public static ExportTargets None { get; } = new(null, null, null);

    public bool Any => Push is not null || Otlp is not null || Notify is not null;

    /// <summary>
    /// Reads an option's value as an absolute http(s) URL; on anything else adds a one-line error naming the option
    /// and the value (its user info and path hidden: a webhook's path is its secret) and returns null.
    /// </summary>
    public static Uri? Parse(string? raw, string option, string example, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (raw is null)
            return null;
        if (Uri.TryCreate(raw, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0)
            return url;
        errors.Add($"{option} '{Shown(raw)}' is not an absolute http:// or https:// URL (e.g. {example})");
        return null;
    }

    /// <summary>A URL as a console may show it: scheme, host and port only (user info and path may hold secrets).</summary>
    public static string Display(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url.Scheme}://{url.Authority}";
    }

    private static string Shown(string raw) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var url) && url.Authority.Length > 0 ? Display(url) + "/..."
        : raw.Length > 40 ? raw[..40] + "..."
        : raw;
}

/// <summary>Bounds of every export, so a dead collector or webhook cannot hold a finished run.</summary>
public static class ExportDefaults
{
    /// <summary>How long one push, OTLP export or notification may take, connection included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}

using System.Globalization;
using Harness.Scenarios.Loading;

namespace Harness.Scenarios.Validation;

/// <summary>Typed reads of raw scalars; each failure is reported where the value was written.</summary>
internal sealed class ValueReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    public TimeSpan Duration(Located<string>? raw, string what, TimeSpan fallback, bool allowZero = false)
    {
        if (raw is null)
            return fallback;
        if (!DurationParser.TryParse(raw.Value, out var value))
        {
            diagnostics.Add(raw.Location, $"{what}: '{raw.Value}' is not a duration; write it with a unit, e.g. 500ms, 10s, 2m");
            return fallback;
        }
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            diagnostics.Add(raw.Location, $"{what} must be {(allowZero ? "zero or more" : "more than zero")}");
            return fallback;
        }
        return value;
    }

    /// <summary><c>true</c> or <c>false</c> (default false); anything else is an error, not a silent false.</summary>
    public bool Flag(Located<string>? raw, string what)
    {
        if (raw is null)
            return false;
        if (raw.Value is "true" or "false")
            return raw.Value == "true";
        diagnostics.Add(raw.Location, $"{what} must be true or false, got '{raw.Value}'");
        return false;
    }

    public int Integer(Located<string>? raw, string what, int fallback, int min, int max)
    {
        if (raw is null)
            return fallback;
        if (!int.TryParse(raw.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            diagnostics.Add(raw.Location, $"{what}: '{raw.Value}' is not a whole number");
            return fallback;
        }
        if (value < min || value > max)
        {
            diagnostics.Add(
                raw.Location,
                $"{what} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {raw.Value}"
            );
            return fallback;
        }
        return value;
    }

    /// <summary>A size in bytes, written as a number (<c>4096</c>) or with a unit (<c>64KiB</c>, <c>1MB</c>), within bounds.</summary>
    public int Size(Located<string>? raw, string what, int fallback, int min, int max)
    {
        if (raw is null)
            return fallback;
        var (value, error) = UnitParser.Parse(raw.Value, Model.AttributeUnit.Bytes);
        if (error is not null)
        {
            diagnostics.Add(raw.Location, $"{what}: {error}");
            return fallback;
        }
        if (value < min || value > max)
        {
            var (low, high) = (min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
            diagnostics.Add(raw.Location, $"{what} must be between {low} and {high} bytes, found '{raw.Value}'");
            return fallback;
        }
        return (int)value;
    }

    public double Number(Located<string>? raw, string what, double fallback, double min, double max)
    {
        if (raw is null)
            return fallback;
        if (!double.TryParse(raw.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            diagnostics.Add(
                raw.Location,
                $"{what} must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found '{raw.Value}'"
            );
            return fallback;
        }
        return value;
    }

    public Uri? AbsoluteUrl(Located<string>? raw, string what, Uri? baseUrl, params string[] schemes)
    {
        if (raw is null)
            return null;
        Uri? url = null;
        if (Uri.TryCreate(raw.Value, UriKind.Absolute, out var absolute) && !raw.Value.StartsWith('/'))
            url = absolute;
        else if (raw.Value.StartsWith('/') && baseUrl is not null)
            url = Rebase(baseUrl, raw.Value, schemes);
        if (url is null)
        {
            var hint = raw.Value.StartsWith('/') ? "; a relative URL needs target.base_url" : string.Empty;
            diagnostics.Add(raw.Location, $"{what}: '{raw.Value}' is not an absolute URL{hint}");
            return null;
        }
        if (!schemes.Contains(url.Scheme))
        {
            diagnostics.Add(raw.Location, $"{what}: scheme '{url.Scheme}' is not supported here; use {string.Join(" or ", schemes)}");
            return null;
        }
        return url;
    }

    // ws probes may be written relative to an http base URL: the scheme follows the probe kind.
    private static Uri Rebase(Uri baseUrl, string path, string[] schemes)
    {
        var builder = new UriBuilder(new Uri(baseUrl, path));
        if (!schemes.Contains(builder.Scheme))
        {
            var secure = builder.Scheme is "https" or "wss";
            builder.Scheme = schemes.Contains("ws") ? (secure ? "wss" : "ws") : (secure ? "https" : "http");
            if (builder.Uri.IsDefaultPort || baseUrl.IsDefaultPort)
                builder.Port = -1;
        }
        return builder.Uri;
    }
}

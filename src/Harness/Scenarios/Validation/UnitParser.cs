using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Reads a toxic attribute written with its unit and returns Toxiproxy's integer, or why it cannot.</summary>
internal static partial class UnitParser
{
    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>[A-Za-z/%]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static (long Value, string? Error) Parse(string text, AttributeUnit unit)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            return (0, $"'{text}' is not {Expected(unit)}");
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var suffix = match.Groups["unit"].Value;
        double? value = (unit, suffix) switch
        {
            (AttributeUnit.Milliseconds, _) when DurationParser.TryParse(text, out var d) => d.TotalMilliseconds,
            (AttributeUnit.Milliseconds, "") when n == 0 => 0,
            (AttributeUnit.Microseconds, "us") => n,
            (AttributeUnit.Microseconds, _) when DurationParser.TryParse(text, out var d) => d.TotalMicroseconds,
            (AttributeUnit.Microseconds, "") when n == 0 => 0,
            (AttributeUnit.KilobytesPerSecond, "" or "KB/s") => n,
            (AttributeUnit.KilobytesPerSecond, "MB/s") => n * 1000,
            (AttributeUnit.KilobytesPerSecond, "kbit/s" or "kbps") => n / 8,
            (AttributeUnit.KilobytesPerSecond, "Mbit/s" or "Mbps") => n * 125,
            (AttributeUnit.Bytes, "" or "B") => n,
            (AttributeUnit.Bytes, "KB") => n * 1000,
            (AttributeUnit.Bytes, "MB") => n * 1_000_000,
            (AttributeUnit.Bytes, "KiB") => n * 1024,
            (AttributeUnit.Bytes, "MiB") => n * 1024 * 1024,
            (AttributeUnit.Percent, "%" or "") when n <= 100 => n,
            (AttributeUnit.Number, "") => n,
            _ => null,
        };
        if (value is null)
            return (0, $"'{text}' is not {Expected(unit)}");
        var rounded = Math.Round(value.Value, MidpointRounding.AwayFromZero);
        if (rounded != value.Value && unit is AttributeUnit.Number or AttributeUnit.Bytes or AttributeUnit.Percent)
        {
            return (
                0,
                $"'{text}' must be a whole number of {(unit == AttributeUnit.Percent ? "percent" : unit == AttributeUnit.Bytes ? "bytes" : "units")}"
            );
        }
        return ((long)rounded, null);
    }

    public static string Expected(AttributeUnit unit) =>
        unit switch
        {
            AttributeUnit.Milliseconds => "a duration such as 200ms or 1.5s",
            AttributeUnit.Microseconds => "a duration such as 500us or 2ms",
            AttributeUnit.KilobytesPerSecond => "a rate such as 500KB/s, 2MB/s or 8Mbit/s",
            AttributeUnit.Bytes => "a size such as 1460, 64KB or 1MB",
            AttributeUnit.Percent => "a percentage such as 5% (0 to 100)",
            _ => "a whole number",
        };
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Scenarios.Validation;

/// <summary>Reads durations written as <c>250ms</c>, <c>10s</c>, <c>1.5m</c>, <c>2h</c> (a unit is required).</summary>
internal static partial class DurationParser
{
    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>us|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            return false;
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        duration = match.Groups["unit"].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(n),
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => TimeSpan.FromHours(n),
        };
        return true;
    }
}

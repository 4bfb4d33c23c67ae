using System.Globalization;

namespace Harness.Impairment.Toxics;

/// <summary>
/// Range checks shared by the toxics' validators. Each returns the first problem as a 400 message naming the
/// toxic type, the attribute and the accepted range, or null when the value is fine.
/// </summary>
internal static class AttributeRules
{
    public static string? AtLeast(WireAttributes wire, string type, string name, long minimum, string? why = null) =>
        wire[name] >= minimum ? null : Message(type, name, wire[name], $"must be at least {minimum}", why);

    public static string? InRange(WireAttributes wire, string type, string name, long minimum, long maximum, string? why = null) =>
        wire[name] >= minimum && wire[name] <= maximum
            ? null
            : Message(type, name, wire[name], $"must be between {minimum} and {maximum}", why);

    /// <summary>The first non-null message, so a validator reads as a list of rules.</summary>
    public static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    private static string Message(string type, string name, long value, string rule, string? why) =>
        string.Create(CultureInfo.InvariantCulture, $"{type} {name} {rule} (got {value})") + (why is null ? "" : $": {why}");
}

using System.Globalization;
using System.Text.Json;

namespace Harness.Probes.Browser;

/// <summary>Puts a participant's attributes where <see cref="AttributeDelivery"/> says: query string, init script, headers.</summary>
public static class ParticipantAttributes
{
    /// <summary><paramref name="url"/> with every attribute it does not already name appended as a query parameter.</summary>
    public static Uri WithQuery(Uri url, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(attributes);
        var query = url.Query.TrimStart('?');
        var present = query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Split('=')[0]))
            .ToHashSet(StringComparer.Ordinal);
        var added = attributes
            .Where(a => !present.Contains(a.Key))
            .Select(a => $"{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value)}");
        var all = string.Join('&', new[] { query }.Where(q => q.Length > 0).Concat(added));
        return new UriBuilder(url) { Query = all }.Uri;
    }

    /// <summary>The header carrying an attribute: <c>client_version</c> is <c>X-Client-Version</c>.</summary>
    public static string HeaderName(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var words = attribute.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return "X-" + string.Join('-', words);
    }

    /// <summary>The attributes as request headers.</summary>
    public static Dictionary<string, string> Headers(IReadOnlyDictionary<string, string> attributes) =>
        attributes.ToDictionary(a => HeaderName(a.Key), a => a.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The init script that sets <c>window.harnessParticipant</c>.</summary>
    public static string Script(IReadOnlyDictionary<string, string> attributes) =>
        string.Create(CultureInfo.InvariantCulture, $"window.harnessParticipant = Object.freeze({JsonSerializer.Serialize(attributes)});");
}

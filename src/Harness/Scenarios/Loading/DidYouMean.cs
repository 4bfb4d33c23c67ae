namespace Harness.Scenarios.Loading;

/// <summary>Suggests the closest known word for a misspelt key or name.</summary>
internal static class DidYouMean
{
    public static string Suffix(string actual, IEnumerable<string> candidates) =>
        Closest(actual, candidates) is { } best ? $" (did you mean '{best}'?)" : string.Empty;

    public static string? Closest(string actual, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(actual.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        var limit = Math.Max(2, actual.Length / 3);
        return best.Candidate is not null && best.Distance <= limit ? best.Candidate : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios.Truth;

/// <summary>A valid value for every attribute of every toxic type, as written in a scenario and as sent to the server.</summary>
internal static class ToxicSamples
{
    private static readonly Dictionary<string, Dictionary<string, (string Written, long Wire)>> Samples = new(StringComparer.Ordinal)
    {
        ["latency"] = new()
        {
            ["latency"] = ("10ms", 10),
            ["jitter"] = ("2ms", 2),
            ["distribution"] = ("1", 1),
        },
        ["bandwidth"] = new() { ["rate"] = ("2MB/s", 2000) },
        ["slow_close"] = new() { ["delay"] = ("10ms", 10) },
        ["timeout"] = new() { ["timeout"] = ("5s", 5000) },
        ["reset_peer"] = new() { ["timeout"] = ("5s", 5000) },
        ["slicer"] = new()
        {
            ["average_size"] = ("100", 100),
            ["size_variation"] = ("10", 10),
            ["delay"] = ("20us", 20),
        },
        ["limit_data"] = new() { ["bytes"] = ("1MB", 1_000_000) },
        ["loss"] = new()
        {
            ["probability"] = ("1%", 1),
            ["probability_ppm"] = ("2000", 2000),
            ["segment_size"] = ("1460", 1460),
            ["rto"] = ("300ms", 300),
            ["rtt"] = ("80ms", 80),
            ["p_good_to_bad"] = ("1%", 1),
            ["p_bad_to_good"] = ("30%", 30),
            ["loss_bad"] = ("80%", 80),
        },
        ["noop"] = new(),
        ["refuse"] = new() { ["rst"] = ("0", 0) },
        ["hang"] = new(),
        ["slow_open"] = new() { ["delay"] = ("10ms", 10) },
        ["cut_after"] = new() { ["after"] = ("60s", 60_000), ["rst"] = ("1", 1) },
        ["packet"] = new()
        {
            ["duplicate"] = ("2%", 2),
            ["corrupt"] = ("1%", 1),
            ["reorder"] = ("1", 1),
            ["queue_limit"] = ("50", 50),
            ["mtu"] = ("1280", 1280),
        },
    };

    /// <summary>Every attribute of the type; fails when the catalog has a type or attribute without a sample here.</summary>
    public static IReadOnlyDictionary<string, (string Written, long Wire)> For(string type)
    {
        var samples = Samples[type];
        var missing = ToxicCatalog.All[type].Attributes.Select(a => a.Name).Where(a => !samples.ContainsKey(a)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{type}: add samples for {string.Join(", ", missing)}");
        return samples;
    }
}

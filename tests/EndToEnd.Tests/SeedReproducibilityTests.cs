using System.Globalization;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// Issue 5: two real runs with the same --seed make the same per-connection impairment decisions, a different
/// seed different ones. The run's artifacts/impairment-decisions.json records, per proxy and per connection
/// (accept ordinal: the key the engine derives each connection's seed from, so clients connecting concurrently
/// in another order change nothing), each toxic's toxicity decision and the link's first random draws.
/// </summary>
[NonParallelizable]
public sealed class SeedReproducibilityTests
{
    private const string Scenario = "tests/EndToEnd.Tests/Scenarios/seeded-decisions.yaml";

    [Test]
    public async Task Run_SameSeed_SameDecisionsPerConnection_OtherSeedDifferent()
    {
        var first = await DecisionsAsync(11);
        var second = await DecisionsAsync(11);
        var other = await DecisionsAsync(12);

        var common = first.Keys.Intersect(second.Keys).ToList();
        Assert.That(
            common.Select(k => k.Connection).Distinct().Count(),
            Is.GreaterThanOrEqualTo(8),
            "each of the 8 clients' connections is in both runs"
        );
        Assert.That(
            first.Values.Select(d => d.Applied),
            Does.Contain(true).And.Contain(false),
            "toxicity 0.5 applies to some links and not others"
        );
        foreach (var key in common)
        {
            var (a, b) = (first[key], second[key]);
            var shared = Math.Min(a.Draws.Length, b.Draws.Length);
            Assert.That(
                (b.Applied, b.Draws[..shared]),
                Is.EqualTo((a.Applied, a.Draws[..shared])),
                $"connection {key.Connection} {key.Stream} {key.Toxic}"
            );
        }
        Assert.That(first.Values.Count(d => d.Applied && d.Draws.Length > 1), Is.Positive, "jitter or loss drew beyond the toxicity draw");

        var againstOther = first
            .Keys.Intersect(other.Keys)
            .Count(k => first[k].Applied != other[k].Applied || first[k].Draws[0] != other[k].Draws[0]);
        Assert.That(againstOther, Is.Positive, "seed 12 decides differently from seed 11");
    }

    private static async Task<Dictionary<(long Connection, string Stream, string Toxic), (bool Applied, double[] Draws)>> DecisionsAsync(
        int seed
    )
    {
        using var reports = new ReportFolder();
        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            Scenario,
            "--seed",
            seed.ToString(CultureInfo.InvariantCulture),
            "--report-dir",
            reports.Root
        );
        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");

        using var record = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(reports.SingleRun(), "artifacts", "impairment-decisions.json"))
        );
        Assert.That(record.RootElement.GetProperty("seed").GetInt32(), Is.EqualTo(seed));
        var edge = record.RootElement.GetProperty("proxies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "edge");
        return edge.GetProperty("links")
            .EnumerateArray()
            .ToDictionary(
                l => (l.GetProperty("connection").GetInt64(), l.GetProperty("stream").GetString()!, l.GetProperty("toxic").GetString()!),
                l => (l.GetProperty("applied").GetBoolean(), l.GetProperty("draws").EnumerateArray().Select(d => d.GetDouble()).ToArray())
            );
    }
}

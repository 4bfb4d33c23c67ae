using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Orchestration.GrayRelease;

/// <summary>
/// A gray release inside one run: a probe whose participants are split between versions of the target becomes one
/// probe per version, each sent to that version's host with its share, all running at once under the same name.
/// WebSocket clients are apportioned by weight (largest remainder; ties go to versions in a seeded order); an HTTP
/// probe's request rate is, so a version with weight w of W requests every <c>every × W / w</c>.
/// </summary>
internal static class VersionSplit
{
    public static IProbe Probe(ProbeSpec spec, int seed, Func<ProbeSpec, IProbe> create)
    {
        var parts = Specs(spec, seed).Select(p => (p.Version, create(p.Spec))).ToList();
        return new VersionSplitProbe(spec.Name, parts);
    }

    /// <summary>Each version's own spec (no split), versions with no share left out.</summary>
    public static IReadOnlyList<(string Version, ProbeSpec Spec)> Specs(ProbeSpec spec, int seed)
    {
        var shares = (spec.Split ?? []).Where(s => s.Weight > 0).ToList();
        var total = shares.Sum(s => s.Weight);
        var clients = spec is WebSocketProbeSpec ws ? Apportion(ws.Clients, shares.Select(s => s.Weight).ToList(), seed) : null;
        var result = new List<(string, ProbeSpec)>();
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            var url = new UriBuilder(spec.Url) { Host = share.Host }.Uri;
            ProbeSpec? part = spec switch
            {
                HttpProbeSpec http => http with { Url = url, Every = http.Every * total / share.Weight },
                WebSocketProbeSpec w when clients![i] > 0 => w with { Url = url, Clients = clients[i] },
                WebSocketProbeSpec => null,
                _ => throw new NotSupportedException($"split of a {spec.GetType().Name}"),
            };
            if (part is not null)
                result.Add((share.Version, part with { Split = null }));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> items in proportion to <paramref name="weights"/>: floors first, the rest by largest remainder.
    /// </summary>
    public static int[] Apportion(int count, IReadOnlyList<int> weights, int seed)
    {
        var total = weights.Sum();
        var result = weights.Select(w => (int)((long)count * w / total)).ToArray();
        var random = new Random(seed);
        var order = Enumerable
            .Range(0, weights.Count)
            .Select(i => (Index: i, Tie: random.Next()))
            .OrderByDescending(x => (long)count * weights[x.Index] % total)
            .ThenBy(x => x.Tie)
            .Select(x => x.Index)
            .ToList();
        var left = count - result.Sum();
        for (var k = 0; k < left; k++)
            result[order[k % order.Count]]++;
        return result;
    }
}

using Harness.Impairment.Streams;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Decides where chunks in flight re-enter a new chain. A chunk waiting before old stage k has passed every stage
/// before k, so it re-enters before the first new stage that is old stage k or later (kept toxics keep their order;
/// added toxics sit at the end and count as later). With no such stage it goes straight to the tail.
/// </summary>
internal static class ChainCarryOver
{
    public static (IReadOnlyList<IReadOnlyList<StreamChunk>> Prefixes, List<StreamChunk> ToTail) Map(
        IReadOnlyList<ChainStage> previous,
        IReadOnlyList<ChainStage> next,
        IReadOnlyList<List<StreamChunk>> pending
    )
    {
        var oldIndex = new Dictionary<long, int>();
        for (var k = 0; k < previous.Count; k++)
            oldIndex[previous[k].Key] = k;
        var origin = next.Select(s => oldIndex.TryGetValue(s.Key, out var k) ? k : int.MaxValue).ToArray();

        var prefixes = next.Select(_ => new List<StreamChunk>()).ToArray();
        var toTail = new List<StreamChunk>();
        // Later stages hold older bytes, so walking from the end keeps every target list in stream order.
        for (var k = pending.Count - 1; k >= 0; k--)
        {
            if (pending[k].Count == 0)
                continue;
            var j = Array.FindIndex(origin, o => o >= k);
            (j < 0 ? toTail : prefixes[j]).AddRange(pending[k]);
        }
        return (prefixes, toTail);
    }
}

namespace Harness.Scenarios.Matrix;

/// <summary>
/// Covers every pair of values of every two axes in few cells (a greedy covering array, AETG-style), the same
/// cells for the same seed. Cells the caller forbids are never produced; a pair only forbidden cells contain is
/// left uncovered.
/// </summary>
public static class PairwiseGenerator
{
    private const int Candidates = 30;

    public static IReadOnlyList<int[]> Generate(IReadOnlyList<int> sizes, int seed, Func<int[], bool> allowed)
    {
        var random = new Random(seed);
        var uncovered = new HashSet<(int A, int VA, int B, int VB)>();
        for (var a = 0; a < sizes.Count; a++)
        for (var b = a + 1; b < sizes.Count; b++)
        for (var va = 0; va < sizes[a]; va++)
        for (var vb = 0; vb < sizes[b]; vb++)
            uncovered.Add((a, va, b, vb));
        var cells = new List<int[]>();
        if (sizes.Count == 1)
        {
            for (var v = 0; v < sizes[0]; v++)
                if (allowed([v]))
                    cells.Add([v]);
            return cells;
        }
        var stale = 0;
        while (uncovered.Count > 0 && stale < 50)
        {
            int[]? best = null;
            var bestGain = 0;
            for (var c = 0; c < Candidates; c++)
            {
                var candidate = Build(sizes, uncovered, random);
                if (!allowed(candidate))
                    continue;
                var gain = Covered(candidate, uncovered);
                if (gain > bestGain)
                    (best, bestGain) = (candidate, gain);
            }
            if (best is null)
            {
                stale++;
                continue;
            }
            cells.Add(best);
            foreach (var pair in Pairs(best))
                uncovered.Remove(pair);
        }
        return cells;
    }

    // Start from an uncovered pair, then give each other axis the value that covers most new pairs.
    private static int[] Build(IReadOnlyList<int> sizes, HashSet<(int A, int VA, int B, int VB)> uncovered, Random random)
    {
        var cell = Enumerable.Repeat(-1, sizes.Count).ToArray();
        var seedPair = uncovered.ElementAt(random.Next(uncovered.Count));
        cell[seedPair.A] = seedPair.VA;
        cell[seedPair.B] = seedPair.VB;
        foreach (var axis in Enumerable.Range(0, sizes.Count).OrderBy(_ => random.Next()).Where(a => cell[a] < 0))
        {
            var bestValue = 0;
            var bestScore = -1;
            foreach (var value in Enumerable.Range(0, sizes[axis]).OrderBy(_ => random.Next()))
            {
                var score = 0;
                for (var other = 0; other < sizes.Count; other++)
                {
                    if (other == axis || cell[other] < 0)
                        continue;
                    var pair = axis < other ? (axis, value, other, cell[other]) : (other, cell[other], axis, value);
                    if (uncovered.Contains(pair))
                        score++;
                }
                if (score > bestScore)
                    (bestValue, bestScore) = (value, score);
            }
            cell[axis] = bestValue;
        }
        return cell;
    }

    private static int Covered(int[] cell, HashSet<(int, int, int, int)> uncovered) => Pairs(cell).Count(uncovered.Contains);

    public static IEnumerable<(int A, int VA, int B, int VB)> Pairs(int[] cell)
    {
        for (var a = 0; a < cell.Length; a++)
        for (var b = a + 1; b < cell.Length; b++)
            yield return (a, cell[a], b, cell[b]);
    }
}

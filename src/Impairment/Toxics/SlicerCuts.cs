namespace Harness.Impairment.Toxics;

/// <summary>
/// Toxiproxy's slicing: a piece longer than average + variation is cut near its middle, the cut shifted by a
/// uniform integer in [-variation, variation-1], recursively. Pieces therefore end up between about half and all
/// of average + variation. Returned as boundaries: 0, cut, cut, ..., length.
/// </summary>
internal static class SlicerCuts
{
    public static List<int> Compute(int length, int average, int variation, Random random)
    {
        var cuts = new List<int> { 0 };
        Split(0, length, average, variation, random, cuts);
        return cuts;
    }

    private static void Split(int start, int end, int average, int variation, Random random, List<int> cuts)
    {
        if (end - start - average <= variation)
        {
            cuts.Add(end);
            return;
        }
        var mid = start + (end - start) / 2;
        if (variation > 0)
            mid += random.Next(variation * 2) - variation;
        // Toxiproxy can cut outside the piece and panic, or produce empty pieces; a cut strictly inside the piece
        // always makes progress. Only reachable when the variation is close to the average.
        mid = Math.Clamp(mid, start + 1, end - 1);
        Split(start, mid, average, variation, random, cuts);
        Split(mid, end, average, variation, random, cuts);
    }
}

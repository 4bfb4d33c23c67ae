using Harness.Reports.Compare;

namespace Harness.Cli;

/// <summary>
/// The order of an alternating comparison's runs. Rounds alternate which side goes first (B C, C B, B C, ...), not
/// B C B C: with a fixed order the candidate always runs later, so a machine that drifts (warms up, heats up, fills its
/// caches) shifts every candidate by the same step and the drift reads as a change. Swapping the order each round
/// (ABBA counterbalancing) gives both sides the same mean position in time after every even number of rounds, so a
/// linear drift cancels exactly; after an odd number N the candidate is on average 1/N of a run later (a fixed order: one run).
/// </summary>
internal static class AlternatingPlan
{
    public const int DefaultRounds = 2;
    public const int MaxRounds = 50;

    public static IReadOnlyList<(int Round, Side Side)> For(int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var plan = new List<(int, Side)>();
        for (var round = 1; round <= rounds; round++)
        {
            var first = round % 2 == 1 ? Side.Baseline : Side.Candidate;
            plan.Add((round, first));
            plan.Add((round, first == Side.Baseline ? Side.Candidate : Side.Baseline));
        }
        return plan;
    }
}

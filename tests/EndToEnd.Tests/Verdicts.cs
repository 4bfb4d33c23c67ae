namespace EndToEnd.Tests;

/// <summary>
/// What a run that fails on purpose may exit with. The same failure on a saturated machine is inconclusive (exit 4)
/// and says so on the console; that is the harness working as documented, not a flaky test, so the tests that
/// check a failure accept it only together with the sentence that explains it.
/// </summary>
internal static class Verdicts
{
    public const string SaturatedRun = "FAILED - unreliable: the harness was saturated";
    public const string SaturatedCells = "failed while the harness was saturated: retry (exit 4)";

    public static bool Saturated(string stdout) =>
        stdout.Contains(SaturatedRun, StringComparison.Ordinal) || stdout.Contains(SaturatedCells, StringComparison.Ordinal);

    /// <summary>1, or 4 when the console says the harness was saturated.</summary>
    public static int FailedExitCode(string stdout) => Saturated(stdout) ? 4 : 1;

    /// <summary>"failed", or "inconclusive" when the console says the harness was saturated.</summary>
    public static string FailedStatus(string stdout) => Saturated(stdout) ? "inconclusive" : "failed";
}

namespace Harness.Orchestration;

/// <summary>The CLI's exit codes, by cause (the contract the README's command table documents).</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int ThresholdsFailed = 1;
    public const int InvalidInput = 2;
    public const int InfrastructureUnusable = 3;
    public const int Inconclusive = 4;
    public const int Interrupted = 130;

    /// <summary>
    /// Combines the codes of several scenarios: an interruption wins, then infrastructure, invalid input, failure, then
    /// inconclusive (a real failure elsewhere must page; only when nothing else failed is the whole retried).
    /// </summary>
    public static int Combine(IEnumerable<int> codes)
    {
        var list = codes.ToList();
        foreach (var code in new[] { Interrupted, InfrastructureUnusable, InvalidInput, ThresholdsFailed, Inconclusive })
        {
            if (list.Contains(code))
                return code;
        }
        return Passed;
    }
}

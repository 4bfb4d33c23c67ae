using System.CommandLine;
using Harness.Orchestration;
using Harness.Scenarios.Validation;

namespace Harness.Cli;

/// <summary><c>--toxiproxy-wait DURATION</c>: how long <c>run</c> retries an external Toxiproxy API that does not answer yet.</summary>
internal static class ToxiproxyWaitOption
{
    public static Option<string?> Create() =>
        new("--toxiproxy-wait")
        {
            Description =
                "How long to retry an external Toxiproxy API (--toxiproxy, network.toxiproxy) that does not answer yet, "
                + $"with backoff (default {RunOptions.DefaultToxiproxyWait.TotalSeconds:0}s; 0s tries once)",
        };

    /// <summary>The wait asked for, the default when absent, or null (with an error added) when it is not a duration.</summary>
    public static TimeSpan? Parse(string? raw, List<string> errors)
    {
        if (raw is null)
            return RunOptions.DefaultToxiproxyWait;
        if (DurationParser.TryParse(raw, out var wait))
            return wait;
        errors.Add($"--toxiproxy-wait '{raw}' is not a duration (e.g. 30s, 2m; 0s tries once)");
        return null;
    }
}

namespace Harness.Probes.Browser;

/// <summary>Fixed limits and defaults of the browser probe, named once.</summary>
internal static class BrowserProbeDefaults
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Limit for saving a failure screenshot, a trace or closing a context: a broken page must not hold the run.</summary>
    public static readonly TimeSpan ArtifactTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Limit for launching a local browser or connecting to a remote one.</summary>
    public static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often an evaluate step with an expected value re-evaluates until it matches.</summary>
    public static readonly TimeSpan EvaluatePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Iterations kept in the report; older ones are dropped (their samples are not).</summary>
    public const int MaxIterationsKept = 500;

    /// <summary>Longest page string (console text, error, URL) kept; longer ones are cut.</summary>
    public const int MaxTextLength = 2000;
}

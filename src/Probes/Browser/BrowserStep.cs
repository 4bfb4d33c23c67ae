namespace Harness.Probes.Browser;

/// <summary>
/// One thing a participant does or checks on its page. A closed set: the records in BrowserSteps.*.cs.
/// Each step's duration and outcome becomes a browser_step_duration and a checks sample.
/// </summary>
public abstract record BrowserStep
{
    private protected BrowserStep() { }

    /// <summary>The scenario keyword (goto, click, expect_visible ...), tagged on samples as "kind".</summary>
    public abstract string Kind { get; }

    /// <summary>Overrides the probe's step timeout for this step.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A short human description, used as the "check" tag and in reports, e.g. <c>expect_visible #connected</c>.</summary>
    public virtual string Describe() => Kind;

    internal virtual void Validate(ICollection<string> errors, string path)
    {
        if (Timeout is { } t && t <= TimeSpan.Zero)
            errors.Add($"{path}.timeout: must be positive, got {t}");
    }

    private protected static void Require(ICollection<string> errors, string path, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{path}.{field}: must not be empty");
    }
}

using System.Text.RegularExpressions;

namespace Harness.Probes.Browser;

/// <summary>
/// Reads a number from the page and records it as a sample of the metric <see cref="Metric"/>, tagged with the
/// participant and phase like every other sample: either the result of the JavaScript expression
/// <see cref="Script"/> or the text of the element <see cref="Selector"/> finds. Anything but a finite number
/// fails the step.
/// </summary>
public sealed partial record RecordStep(string Metric) : BrowserStep
{
    public override string Kind => "record";

    /// <summary>A JavaScript expression evaluated in the page; its result must be a number (or a numeric string).</summary>
    public string? Script { get; init; }

    /// <summary>An element whose text content is read as a number.</summary>
    public string? Selector { get; init; }

    public override string Describe() => $"record {Metric}";

    /// <summary>Whether <paramref name="name"/> can name a recorded metric: lower case letters, digits and _, from a letter.</summary>
    public static bool IsMetricName(string? name) => name is not null && MetricName().IsMatch(name);

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        if (!IsMetricName(Metric))
            errors.Add($"{path}.metric: '{Metric}' must be lower case letters, digits and _, starting with a letter");
        else if (Abstractions.MetricNames.All.ContainsKey(Metric))
            errors.Add($"{path}.metric: '{Metric}' is a built-in metric");
        if (string.IsNullOrWhiteSpace(Script) == string.IsNullOrWhiteSpace(Selector))
            errors.Add($"{path}: give exactly one of js, selector");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();
}

using System.Text.Json;

namespace Harness.Probes.Browser;

/// <summary>Expects an element's text to contain (or, with <see cref="Exact"/>, equal) a value; retried until the step timeout.</summary>
public sealed record ExpectTextStep(string Selector, string Text) : BrowserStep
{
    public override string Kind => "expect_text";

    public bool Exact { get; init; }

    public override string Describe() => $"expect_text {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
        if (Text is null)
            errors.Add($"{path}.text: must be given");
    }
}

/// <summary>Expects an element to become visible within the step timeout.</summary>
public sealed record ExpectVisibleStep(string Selector) : BrowserStep
{
    public override string Kind => "expect_visible";

    public override string Describe() => $"expect_visible {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
    }
}

/// <summary>Expects an element to be hidden (or absent) within the step timeout.</summary>
public sealed record ExpectHiddenStep(string Selector) : BrowserStep
{
    public override string Kind => "expect_hidden";

    public override string Describe() => $"expect_hidden {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
    }
}

/// <summary>
/// Expects the page URL: exact (relative URLs resolve against the base URL) or, with <see cref="IsRegex"/>, a regular expression.
/// </summary>
public sealed record ExpectUrlStep(string Url) : BrowserStep
{
    public override string Kind => "expect_url";

    public bool IsRegex { get; init; }

    public override string Describe() => $"expect_url {Url}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "url", Url);
        if (IsRegex)
            BrowserProbeOptionsValidator.CheckRegex(errors, $"{path}.url", Url);
    }
}

/// <summary>Expects the document title: exact or, with <see cref="IsRegex"/>, a regular expression.</summary>
public sealed record ExpectTitleStep(string Title) : BrowserStep
{
    public override string Kind => "expect_title";

    public bool IsRegex { get; init; }

    public override string Describe() => $"expect_title {Title}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        if (Title is null)
            errors.Add($"{path}.title: must be given");
        else if (IsRegex)
            BrowserProbeOptionsValidator.CheckRegex(errors, $"{path}.title", Title);
    }
}

/// <summary>
/// Evaluates a JavaScript expression in the page. With <see cref="Expected"/> it re-evaluates until the result
/// equals it as JSON (so <c>Number(document.querySelector('#frames').textContent) > 0</c> expecting
/// <c>true</c> waits for the first frame) or the step times out; without, it passes unless the script throws.
/// </summary>
public sealed record EvaluateStep(string Expression) : BrowserStep
{
    public override string Kind => "evaluate";

    public JsonElement? Expected { get; init; }

    /// <summary>A step expecting a plain .NET value (bool, number, string, null), serialized to JSON.</summary>
    public static EvaluateStep Expecting(string expression, object? expected) =>
        new(expression) { Expected = JsonSerializer.SerializeToElement(expected) };

    public override string Describe() => Expected is { } e ? $"evaluate {Expression} == {e.GetRawText()}" : $"evaluate {Expression}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "expression", Expression);
    }
}

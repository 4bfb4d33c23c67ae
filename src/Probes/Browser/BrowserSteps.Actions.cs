namespace Harness.Probes.Browser;

/// <summary>Navigates to a URL (relative to the base URL) and waits for load; an HTTP status of 400 or more fails it.</summary>
public sealed record GotoStep(string Url) : BrowserStep
{
    public override string Kind => "goto";

    /// <summary>When navigation counts as done. Defaults to Load.</summary>
    public BrowserLoadState WaitUntil { get; init; } = BrowserLoadState.Load;

    public override string Describe() => $"goto {Url}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "url", Url);
    }
}

/// <summary>Clicks the element a selector (CSS or Playwright selector) finds.</summary>
public sealed record ClickStep(string Selector) : BrowserStep
{
    public override string Kind => "click";

    public override string Describe() => $"click {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
    }
}

/// <summary>Types a value into an input, replacing what was there.</summary>
public sealed record FillStep(string Selector, string Value) : BrowserStep
{
    public override string Kind => "fill";

    public override string Describe() => $"fill {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
        if (Value is null)
            errors.Add($"{path}.value: must be given (may be empty)");
    }
}

/// <summary>Presses a key (Playwright key names: Enter, ArrowDown, Control+A) on an element.</summary>
public sealed record PressStep(string Selector, string Key) : BrowserStep
{
    public override string Kind => "press";

    public override string Describe() => $"press {Key} on {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
        Require(errors, path, "key", Key);
    }
}

/// <summary>Selects options of a &lt;select&gt; by value or label.</summary>
public sealed record SelectStep(string Selector, IReadOnlyList<string> Values) : BrowserStep
{
    public override string Kind => "select";

    public override string Describe() => $"select {Selector}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "selector", Selector);
        if (Values is null || Values.Count == 0)
            errors.Add($"{path}.values: must list at least one value");
    }
}

/// <summary>Waits without doing anything, on the probe's clock.</summary>
public sealed record WaitStep(TimeSpan Duration) : BrowserStep
{
    public override string Kind => "wait";

    public override string Describe() => $"wait {Duration}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        if (Duration < TimeSpan.Zero)
            errors.Add($"{path}.duration: must not be negative, got {Duration}");
    }
}

/// <summary>Saves a screenshot into the artifacts directory (needs one).</summary>
public sealed record ScreenshotStep(string Name) : BrowserStep
{
    public override string Kind => "screenshot";

    /// <summary>The whole scrollable page instead of the viewport. Defaults to false.</summary>
    public bool FullPage { get; init; }

    public override string Describe() => $"screenshot {Name}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        Require(errors, path, "name", Name);
    }
}

namespace Harness.Probes.Browser;

/// <summary>Playwright's load states.</summary>
public enum BrowserLoadState
{
    Load,
    DomContentLoaded,
    NetworkIdle,
}

/// <summary>Element states a <see cref="WaitForStep"/> can wait for.</summary>
public enum ElementState
{
    Visible,
    Hidden,
    Attached,
    Detached,
}

/// <summary>
/// Waits for exactly one of: an element state (<see cref="Selector"/> with <see cref="State"/>), a URL
/// (<see cref="Url"/>: exact, or a glob such as <c>**/room/*</c>), or a load state (<see cref="LoadState"/>).
/// </summary>
public sealed record WaitForStep : BrowserStep
{
    public override string Kind => "wait_for";

    public string? Selector { get; init; }

    /// <summary>Used with <see cref="Selector"/>. Defaults to Visible.</summary>
    public ElementState State { get; init; } = ElementState.Visible;

    public string? Url { get; init; }

    public BrowserLoadState? LoadState { get; init; }

    public override string Describe() =>
        Selector is not null ? $"wait_for {Selector} {State.ToString().ToLowerInvariant()}"
        : Url is not null ? $"wait_for url {Url}"
        : $"wait_for {LoadState?.ToString().ToLowerInvariant()}";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        var given = (Selector is null ? 0 : 1) + (Url is null ? 0 : 1) + (LoadState is null ? 0 : 1);
        if (given != 1)
            errors.Add($"{path}: give exactly one of selector, url, load_state (got {given})");
        if (Selector is not null)
            Require(errors, path, "selector", Selector);
        if (Url is not null)
            Require(errors, path, "url", Url);
    }
}

namespace Harness.Probes.Browser;

/// <summary>
/// What a <see cref="BrowserProbe"/> does: which participants open pages, the steps each runs, how the browser
/// is launched, and what is captured. Immutable; <see cref="Validate"/> lists every problem at once.
/// </summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
/// <param name="BaseUrl">Absolute http(s) URL that relative step URLs (<c>/room/1</c>) resolve against.</param>
public sealed record BrowserProbeOptions(string Name, Uri BaseUrl)
{
    /// <summary>Who opens the page; each gets its own browser context. Defaults to one participant named "main".</summary>
    public IReadOnlyList<BrowserParticipant> Participants { get; init; } = [new BrowserParticipant("main")];

    /// <summary>Steps each participant runs per iteration, unless it has its own. Defaults to none.</summary>
    public IReadOnlyList<BrowserStep> Steps { get; init; } = [];

    /// <summary>How the browser is found and launched (or connected to).</summary>
    public BrowserSettings Browser { get; init; } = new();

    /// <summary>What is recorded beyond step samples, and when artifacts are saved.</summary>
    public BrowserCaptureOptions Capture { get; init; } = new();

    /// <summary>Where screenshots, traces and videos go (a folder per probe and participant); null saves no files.</summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>
    /// Host names that resolve normally although no route maps them (for example 127.0.0.1, localhost); "*" resolves every unrouted host.
    /// </summary>
    public IReadOnlyList<string> AllowHosts { get; init; } = [];

    /// <summary>Time between iteration starts; null (the default) runs the steps once.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>Limit for one step (navigation, wait, expectation). Defaults to 30 s; a step may set its own.</summary>
    public TimeSpan StepTimeout { get; init; } = BrowserProbeDefaults.StepTimeout;

    /// <summary>How each participant's attributes (its tags) reach its page. Defaults to none.</summary>
    public AttributeDelivery PassAttributes { get; init; }

    /// <summary>Every problem with these options, each naming its path; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => BrowserProbeOptionsValidator.Validate(this);
}

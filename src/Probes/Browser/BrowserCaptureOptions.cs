namespace Harness.Probes.Browser;

/// <summary>When an artifact is saved.</summary>
public enum ArtifactMode
{
    Never,

    /// <summary>Only for an iteration in which a step failed.</summary>
    OnFailure,
    Always,
}

/// <summary>What the probe records from each page beyond its step samples.</summary>
public sealed record BrowserCaptureOptions
{
    /// <summary>A screenshot at the end of an iteration (at the failing step when one fails). Defaults to OnFailure.</summary>
    public ArtifactMode Screenshot { get; init; } = ArtifactMode.OnFailure;

    /// <summary>A Playwright trace (open with <c>playwright show-trace</c>). Defaults to OnFailure.</summary>
    public ArtifactMode Trace { get; init; } = ArtifactMode.OnFailure;

    /// <summary>A webm video; needs Playwright's ffmpeg, and is skipped with a note when it is missing. Defaults to Never.</summary>
    public ArtifactMode Video { get; init; } = ArtifactMode.Never;

    /// <summary>Console errors and warnings, page errors and failed requests. Defaults to true.</summary>
    public bool Console { get; init; } = true;

    /// <summary>Messages kept in the report (the counters keep counting). Defaults to 200.</summary>
    public int MaxMessages { get; init; } = 200;

    /// <summary>Navigation Timing after each goto (browser_ttfb, browser_load). Defaults to true.</summary>
    public bool NavigationTiming { get; init; } = true;

    /// <summary>LCP, CLS and INP per document, from PerformanceObserver. Defaults to true.</summary>
    public bool WebVitals { get; init; } = true;

    /// <summary>The page's own WebSocket frames, bytes and closes. Defaults to true.</summary>
    public bool WebSocketFrames { get; init; } = true;
}

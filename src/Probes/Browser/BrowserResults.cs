namespace Harness.Probes.Browser;

/// <summary>One participant's run through its steps.</summary>
/// <param name="Error">Why the iteration could not run its steps (browser gone, context failed), or null.</param>
public sealed record BrowserIterationResult(
    string Participant,
    int Iteration,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<BrowserStepResult> Steps,
    IReadOnlyList<BrowserArtifact> Artifacts,
    BrowserWebSocketStats WebSockets,
    string? Error
)
{
    public bool Passed => Error is null && Steps.All(s => s.Outcome == StepOutcome.Passed);
}

public enum StepOutcome
{
    Passed,
    Failed,

    /// <summary>Not run because an earlier step failed.</summary>
    Skipped,
}

/// <param name="Index">Zero-based position in the participant's steps.</param>
/// <param name="Error">The failure as the browser reported it (first lines), or null.</param>
public sealed record BrowserStepResult(int Index, string Kind, string Description, StepOutcome Outcome, TimeSpan Duration, string? Error);

public enum BrowserArtifactKind
{
    Screenshot,
    Trace,
    Video,
}

/// <param name="Path">Absolute file path.</param>
/// <param name="Step">The step it belongs to (the failing one, or a screenshot step), or null for the whole iteration.</param>
public sealed record BrowserArtifact(BrowserArtifactKind Kind, string Path, string Participant, int Iteration, int? Step);

public enum BrowserMessageKind
{
    ConsoleError,
    ConsoleWarning,
    PageError,
    RequestFailed,
}

/// <param name="Text">As the page produced it (cut to 2,000 characters); HTML-encode before display.</param>
/// <param name="Location">Script location or request URL, when known.</param>
public sealed record BrowserMessage(
    BrowserMessageKind Kind,
    string Participant,
    int Iteration,
    DateTimeOffset Time,
    string Text,
    string? Location
);

/// <summary>The page's own WebSockets during one iteration.</summary>
public sealed record BrowserWebSocketStats(int Opened, int Closed, long FramesReceived, long FramesSent, long BytesReceived, long BytesSent)
{
    public static BrowserWebSocketStats None { get; } = new(0, 0, 0, 0, 0, 0);
}

namespace LiveRoom.Incidents.Echo;

/// <summary>
/// The audio room of the "echo on poor networks" incident (<c>LiveRoom:Echo:*</c>). Every client asks again for
/// a frame that arrives later than its playout buffer allows; with <see cref="ReplayLateFrames"/> on, the client
/// version <see cref="BuggyClientVersion"/> then plays both the late frame and its second copy: an echo.
/// </summary>
public sealed record EchoBugOptions
{
    /// <summary>The bug switch. Defaults to off: every client version plays each frame once.</summary>
    public BugSwitch ReplayLateFrames { get; init; }

    /// <summary>The client version that carries the bug. Defaults to "2.3".</summary>
    public string BuggyClientVersion { get; init; } = "2.3";

    /// <summary>
    /// How much later than the quickest frame so far a frame may arrive and still be on time, in milliseconds.
    /// Defaults to 200.
    /// </summary>
    public int PlayoutBufferMs { get; init; } = 200;

    /// <summary>Whether a page for <paramref name="clientVersion"/> plays re-requested copies of frames it already played.</summary>
    public bool Replays(string? clientVersion) =>
        ReplayLateFrames == BugSwitch.On && string.Equals(clientVersion, BuggyClientVersion, StringComparison.Ordinal);

    /// <summary>Adds a message per broken rule to <paramref name="errors"/>.</summary>
    public void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(ReplayLateFrames))
            errors.Add($"LiveRoom:Echo:ReplayLateFrames must be on or off, got {(int)ReplayLateFrames}");
        if (string.IsNullOrWhiteSpace(BuggyClientVersion))
            errors.Add("LiveRoom:Echo:BuggyClientVersion must not be empty");
        if (PlayoutBufferMs is < 1 or > 10_000)
            errors.Add($"LiveRoom:Echo:PlayoutBufferMs must be between 1 and 10000, got {PlayoutBufferMs}");
    }
}

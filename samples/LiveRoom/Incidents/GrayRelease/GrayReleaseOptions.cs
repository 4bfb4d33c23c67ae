namespace LiveRoom.Incidents.GrayRelease;

/// <summary>Which build of LiveRoom this instance is in a staged (gray) release.</summary>
public enum ReleaseBuild
{
    A,
    B,
}

/// <summary>A bug switch: off by default.</summary>
public enum BugSwitch
{
    Off,
    On,
}

/// <summary>
/// Incident 5, an update that broke clients: LiveRoom runs as build A or build B (<c>--LiveRoom:GrayRelease:Build=B</c>).
/// With <see cref="JoinRegression"/> on, build B's join (<c>/api/rooms/{id}/join</c>) first answers with a redirect to a
/// confirmation step, so a client needs one more round trip before it is in the room: invisible on a clean network,
/// a whole extra round trip under latency. Build A never has it.
/// </summary>
public sealed record GrayReleaseOptions
{
    /// <summary>Reported by the join answer and <c>/api/build</c>. Defaults to A.</summary>
    public ReleaseBuild Build { get; init; } = ReleaseBuild.A;

    /// <summary>Whether build B carries the extra join round trip. Defaults to off.</summary>
    public BugSwitch JoinRegression { get; init; } = BugSwitch.Off;

    /// <summary>True when this instance's join takes the extra round trip.</summary>
    public bool ExtraJoinRoundTrip => Build == ReleaseBuild.B && JoinRegression == BugSwitch.On;

    /// <summary>Nothing to check beyond what the binder enforces (enum names); kept so every option group has a rule hook.</summary>
    public static IEnumerable<string> Validate(GrayReleaseOptions options)
    {
        if (!Enum.IsDefined(options.Build))
            yield return $"LiveRoom:GrayRelease:Build must be A or B, got {options.Build}";
        if (!Enum.IsDefined(options.JoinRegression))
            yield return $"LiveRoom:GrayRelease:JoinRegression must be on or off, got {options.JoinRegression}";
    }
}

namespace LiveRoom.Options;

/// <summary>Checks every rule and reports all broken ones at once, so one start-up attempt shows every mistake.</summary>
internal static class LiveRoomOptionsValidator
{
    private const int MaxFrameRate = 1000;
    private const int MaxPayloadBytes = 1024 * 1024;
    private const int MaxApiDelayMs = 60_000;

    public static IReadOnlyList<string> Validate(LiveRoomOptions options)
    {
        var errors = new List<string>();
        if (options.FrameRate is < 1 or > MaxFrameRate)
            errors.Add($"LiveRoom:FrameRate must be between 1 and {MaxFrameRate}, got {options.FrameRate}");
        if (options.FramePayloadBytes is < 0 or > MaxPayloadBytes)
            errors.Add($"LiveRoom:FramePayloadBytes must be between 0 and {MaxPayloadBytes}, got {options.FramePayloadBytes}");
        if (string.IsNullOrWhiteSpace(options.Version))
            errors.Add("LiveRoom:Version must not be empty");
        if (string.IsNullOrWhiteSpace(options.Region))
            errors.Add("LiveRoom:Region must not be empty");
        if (options.MemberQueueFrames < 1)
            errors.Add($"LiveRoom:MemberQueueFrames must be at least 1, got {options.MemberQueueFrames}");
        if (options.ApiDelayMs is < 0 or > MaxApiDelayMs)
            errors.Add($"LiveRoom:ApiDelayMs must be between 0 and {MaxApiDelayMs}, got {options.ApiDelayMs}");
        if (options.CloseGrace <= TimeSpan.Zero)
            errors.Add($"LiveRoom:CloseGrace must be positive, got {options.CloseGrace}");
        errors.AddRange(options.Relay.Validate(options.Region));
        errors.AddRange(options.Storm.Validate(options.Version));
        errors.AddRange(LiveRoom.Incidents.GrayRelease.GrayReleaseOptions.Validate(options.GrayRelease));
        options.Echo.Validate(errors);
        options.Events.Validate(errors);
        return errors;
    }
}

namespace LiveRoom.Incidents.Events;

/// <summary>
/// Scheduled events and their join links, for the "join fails for one combination of settings" incident
/// (<c>LiveRoom:Events:*</c>). With <see cref="FailAutomatedPrivateChat"/> on, joining an automated event whose chat
/// is private fails with a server error; every other combination joins.
/// </summary>
public sealed record EventBugOptions
{
    /// <summary>The bug switch. Defaults to off: every event can be joined.</summary>
    public Echo.BugSwitch FailAutomatedPrivateChat { get; init; }

    /// <summary>Adds a message per broken rule to <paramref name="errors"/>.</summary>
    public void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(FailAutomatedPrivateChat))
            errors.Add($"LiveRoom:Events:FailAutomatedPrivateChat must be on or off, got {(int)FailAutomatedPrivateChat}");
    }
}

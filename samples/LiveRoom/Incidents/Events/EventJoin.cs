namespace LiveRoom.Incidents.Events;

/// <summary>What joining an event gives: admitted (straight in, or to the waiting room) or the error the server reports.</summary>
internal sealed record JoinOutcome(bool Joined, bool Waiting, string? Error);

/// <summary>Joins events; carries the switchable defect of the incident.</summary>
internal static class EventJoin
{
    public const string Failure = "chat permissions could not be loaded: an automated event has no moderator for private chat";

    public static JoinOutcome Join(EventSettings settings, EventBugOptions options)
    {
        // The defect: the chat-permission lookup added for live events has no moderator to ask in automated ones.
        if (options.FailAutomatedPrivateChat == Echo.BugSwitch.On && settings is { Type: "automated", Chat: "private" })
            return new JoinOutcome(false, false, Failure);
        return new JoinOutcome(true, settings.WaitingRoom, null);
    }
}

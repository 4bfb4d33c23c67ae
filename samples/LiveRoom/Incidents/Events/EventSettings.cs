namespace LiveRoom.Incidents.Events;

/// <summary>An event's settings: type live|automated, chat public|private, recording on|off, waiting room on|off.</summary>
internal sealed record EventSettings(string Type, string Chat, bool Recording, bool WaitingRoom)
{
    private static readonly string[] Types = ["live", "automated"];
    private static readonly string[] Chats = ["public", "private"];
    private static readonly string[] Switches = ["on", "off"];

    /// <summary>Reads the four settings (each may be missing: live, public, off, off); a wrong value is an error naming it.</summary>
    public static (EventSettings? Settings, string? Error) Parse(string? type, string? chat, string? recording, string? waitingRoom)
    {
        type ??= "live";
        chat ??= "public";
        recording ??= "off";
        waitingRoom ??= "off";
        if (!Types.Contains(type))
            return (null, $"type must be live or automated, got '{type}'");
        if (!Chats.Contains(chat))
            return (null, $"chat must be public or private, got '{chat}'");
        if (!Switches.Contains(recording))
            return (null, $"recording must be on or off, got '{recording}'");
        if (!Switches.Contains(waitingRoom))
            return (null, $"waiting_room must be on or off, got '{waitingRoom}'");
        return (new EventSettings(type, chat, recording == "on", waitingRoom == "on"), null);
    }

    public string Describe() =>
        $"{Type} event, {Chat} chat, recording {(Recording ? "on" : "off")}, waiting room {(WaitingRoom ? "on" : "off")}";
}

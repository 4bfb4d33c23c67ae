namespace LiveRoom.Options;

/// <summary>The configuration cannot start a LiveRoom; the message is one line meant for a person.</summary>
public sealed class LiveRoomOptionsException(string message) : Exception(message);

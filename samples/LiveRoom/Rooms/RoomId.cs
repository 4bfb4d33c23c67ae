namespace LiveRoom.Rooms;

/// <summary>
/// Room ids are short and URL/HTML-safe, so pages and JSON can embed them without escaping surprises and a
/// stray path cannot create unbounded state.
/// </summary>
internal static class RoomId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Net;
using LiveRoom.Options;

namespace LiveRoom.Pages;

/// <summary>The lobby: a plain page linking to a few rooms, enough for a browser probe to click through.</summary>
internal static class LobbyPage
{
    private static readonly string[] Rooms = ["1", "2", "3", "demo"];

    public static string Render(LiveRoomOptions options)
    {
        var links = string.Concat(Rooms.Select(r => $"""<li><a href="/room/{r}">Room {r}</a></li>"""));
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>LiveRoom lobby</title></head>
            <body>
            <h1>LiveRoom</h1>
            <p id="version">{{WebUtility.HtmlEncode(options.Version)}} ({{WebUtility.HtmlEncode(options.Region)}})</p>
            <ul id="rooms">{{links}}</ul>
            </body>
            </html>
            """;
    }
}

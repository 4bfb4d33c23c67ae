using System.Net;
using LiveRoom.Options;

namespace LiveRoom.Pages;

/// <summary>
/// A room page whose inline script joins <c>/ws/room/{id}</c> on the page's own host, so it works unchanged
/// behind a proxy or a routed host name. <c>#connected</c> is visible only while the socket is open;
/// <c>#frames</c> counts frames received. The id is already restricted to [A-Za-z0-9_-].
/// </summary>
internal static class RoomPage
{
    public static string Render(string id, LiveRoomOptions options) =>
        $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>LiveRoom {{id}}</title></head>
            <body>
            <h1>Room <span id="room">{{id}}</span></h1>
            <p id="version">{{WebUtility.HtmlEncode(options.Version)}} ({{WebUtility.HtmlEncode(options.Region)}})</p>
            <p><span id="connected" hidden>connected</span> <span id="status">connecting</span></p>
            <p>Frames: <span id="frames">0</span> Last seq: <span id="seq">-</span></p>
            <script>
            (function () {
              var scheme = location.protocol === "https:" ? "wss:" : "ws:";
              var socket = new WebSocket(scheme + "//" + location.host + "/ws/room/{{id}}");
              var connected = document.getElementById("connected");
              var status = document.getElementById("status");
              var frames = document.getElementById("frames");
              var seq = document.getElementById("seq");
              var count = 0;
              socket.onopen = function () { connected.hidden = false; status.textContent = "open"; };
              socket.onclose = function (e) { connected.hidden = true; status.textContent = "closed " + e.code; };
              socket.onerror = function () { status.textContent = "error"; };
              socket.onmessage = function (e) {
                var msg = JSON.parse(e.data);
                if (msg.type !== "frame") return;
                count++;
                frames.textContent = String(count);
                seq.textContent = String(msg.seq);
              };
            })();
            </script>
            </body>
            </html>
            """;
}

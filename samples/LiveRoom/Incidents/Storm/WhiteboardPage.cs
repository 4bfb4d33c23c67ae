using System.Globalization;
using LiveRoom.Options;

namespace LiveRoom.Incidents.Storm;

/// <summary>
/// The whiteboard page and its client bundle. The page names its bundle by version; the bundle shows its version in
/// <c>#bundle</c>, joins <c>/ws/room/{id}</c> on the page's own host (<c>#connected</c> while open, <c>#reconnects</c>
/// counts reconnects) and reconnects with the policy of <see cref="StormOptions"/>; <c>window.whiteboard</c> exposes
/// the policy's <c>delay(attempt)</c> and the current <c>socket</c>. Ids and versions are already restricted to safe characters.
/// </summary>
internal static class WhiteboardPage
{
    public static string Render(string id, string assetsPrefix, string version) =>
        $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Whiteboard {{id}}</title></head>
            <body data-room="{{id}}">
            <h1>Whiteboard <span id="room">{{id}}</span></h1>
            <p>Client bundle <span id="bundle">loading</span></p>
            <p><span id="connected" hidden>connected</span> <span id="status">connecting</span> Reconnects: <span id="reconnects">0</span></p>
            <script src="{{assetsPrefix}}/assets/whiteboard.{{version}}.js"></script>
            </body>
            </html>
            """;

    public static string Bundle(string version, StormOptions storm) =>
        $$"""
            (function () {
              var version = "{{version}}";
              var policy = { immediate: {{(storm.ImmediateReconnect ? "true" : "false")}}, baseMs: {{Ms(
                storm.ReconnectBaseMs
            )}}, maxMs: {{Ms(storm.ReconnectMaxMs)}} };
              var room = document.body.dataset.room;
              var scheme = location.protocol === "https:" ? "wss:" : "ws:";
              var connected = document.getElementById("connected");
              var status = document.getElementById("status");
              var reconnects = document.getElementById("reconnects");
              var failures = 0;
              var opened = false;
              document.getElementById("bundle").textContent = version;
              // Immediate retry (the bug) or exponential backoff with full jitter: attempt n waits U[0, min(max, base*2^(n-1))].
              function delay(attempt) {
                if (policy.immediate) return 0;
                return Math.random() * Math.min(policy.maxMs, policy.baseMs * Math.pow(2, attempt - 1));
              }
              // For tests and people at the console: the policy's delays and the current socket.
              window.whiteboard = { delay: delay, socket: null };
              function connect() {
                var socket = new WebSocket(scheme + "//" + location.host + "/ws/room/" + room);
                window.whiteboard.socket = socket;
                socket.onopen = function () {
                  if (opened) reconnects.textContent = String(Number(reconnects.textContent) + 1);
                  opened = true;
                  failures = 0;
                  connected.hidden = false;
                  status.textContent = "open";
                };
                socket.onclose = function (e) {
                  connected.hidden = true;
                  status.textContent = "closed " + e.code;
                  failures++;
                  setTimeout(connect, delay(failures));
                };
              }
              connect();
            })();
            """;

    private static string Ms(int ms) => ms.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>/whiteboard/{id}</c> and its bundle from the origin, and the same under <c>/edge/{n}/</c> for each edge.</summary>
internal static class WhiteboardEndpoints
{
    public static void MapWhiteboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/whiteboard/{id}", (string id, LiveRoomOptions options) => Page(id, "", options.Version));
        app.MapGet("/edge/{edge:int}/whiteboard/{id}", (int edge, string id, LiveRoomOptions options) =>
            edge < 1 || edge > options.Storm.Edges ? Results.NotFound() : Page(id, $"/edge/{edge}", EdgeVersion(edge, options))
        );
        app.MapGet("/assets/whiteboard.{version}.js", (string version, LiveRoomOptions options) =>
            Bundle(version, options.Version, options)
        );
        app.MapGet("/edge/{edge:int}/assets/whiteboard.{version}.js", (int edge, string version, LiveRoomOptions options) =>
            edge < 1 || edge > options.Storm.Edges ? Results.NotFound() : Bundle(version, EdgeVersion(edge, options), options)
        );
    }

    /// <summary>The bundle version an edge serves: the stale one on the stale edge, the current one elsewhere.</summary>
    public static string EdgeVersion(int edge, LiveRoomOptions options) =>
        edge == options.Storm.StaleEdge ? options.Storm.StaleBundleVersion : options.Version;

    private static IResult Page(string id, string prefix, string version) =>
        Rooms.RoomId.IsValid(id) && BundleVersion.IsValid(version)
            ? Results.Content(WhiteboardPage.Render(id, prefix, version), "text/html; charset=utf-8")
            : Results.NotFound();

    private static IResult Bundle(string requested, string served, LiveRoomOptions options) =>
        requested == served && BundleVersion.IsValid(served)
            ? Results.Content(WhiteboardPage.Bundle(served, options.Storm), "text/javascript; charset=utf-8")
            : Results.NotFound();
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using LiveRoom.Options;

namespace LiveRoom.Incidents.Echo;

/// <summary>
/// The audio room as client version V plays it. The inline script "plays" each frame it receives; a frame that
/// arrives more than the playout buffer later than the quickest frame so far is late, and the client asks for it
/// again. A version that replays (see <see cref="EchoBugOptions.Replays"/>) plays the late frame and its copy;
/// any other plays each sequence number once. Lateness the page causes itself (its main thread stalled) is not
/// counted: that is the device, not the network. Exposed for checks: <c>window.echoCount</c> (frames played twice),
/// <c>window.lateFrames</c>, <c>window.framesPlayed</c>, and the same in <c>#echoes</c>, <c>#late</c>, <c>#played</c>.
/// </summary>
internal static class AudioRoomPage
{
    public static string Render(string id, string? clientVersion, LiveRoomOptions options)
    {
        var version = string.IsNullOrWhiteSpace(clientVersion) ? "unknown" : clientVersion;
        var config = JsonSerializer.Serialize(
            new
            {
                room = id,
                version,
                bufferMs = options.Echo.PlayoutBufferMs,
                replays = options.Echo.Replays(clientVersion),
            }
        );
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>LiveRoom audio {{id}}</title></head>
            <body>
            <h1>Audio room <span id="room">{{id}}</span></h1>
            <p>Client <span id="client-version">{{WebUtility.HtmlEncode(version)}}</span>,
              playout buffer {{options.Echo.PlayoutBufferMs.ToString(CultureInfo.InvariantCulture)}} ms</p>
            <p><span id="connected" hidden>connected</span> <span id="status">connecting</span></p>
            <p>Played: <span id="played">0</span> Late: <span id="late">0</span> Echoes: <span id="echoes">0</span></p>
            <script>
            (function () {
              var config = {{config}};
              var scheme = location.protocol === "https:" ? "wss:" : "ws:";
              var socket = new WebSocket(scheme + "//" + location.host + "/ws/audio/" + config.room);
              var played = new Set();
              var quickest = Infinity;
              // A frame held up by this page itself (its main thread blocked: a busy device) is not a network problem:
              // a 40 ms heartbeat notices such stalls, and frames handled during or just after one are not judged late.
              var beat = performance.now(), stalledAt = -Infinity;
              setInterval(function () {
                var now = performance.now();
                if (now - beat > config.bufferMs / 2) stalledAt = now;
                beat = now;
                show();
              }, 40);
              function stalled() {
                var now = performance.now();
                return now - beat > config.bufferMs / 2 || now - stalledAt < config.bufferMs;
              }
              window.echoCount = 0; window.lateFrames = 0; window.framesPlayed = 0;
              // The counters in the page follow on the heartbeat, not on every frame: less work for a busy machine.
              function show() {
                document.getElementById("played").textContent = String(window.framesPlayed);
                document.getElementById("late").textContent = String(window.lateFrames);
                document.getElementById("echoes").textContent = String(window.echoCount);
              }
              function play(seq) {
                if (played.has(seq)) {
                  if (!config.replays) return;   // the fixed client plays a sequence number once
                  window.echoCount++;            // the same audio a second time: an echo
                }
                played.add(seq);
                window.framesPlayed++;
              }
              function state(open, text) {
                document.getElementById("connected").hidden = !open;
                document.getElementById("status").textContent = text;
              }
              socket.onopen = function () { state(true, "open"); };
              socket.onclose = function (e) { state(false, "closed " + e.code); };
              socket.onmessage = function (e) {
                var frame = JSON.parse(e.data);
                if (frame.type !== "frame") return;
                var delay = Date.now() - frame.ts;
                if (!frame.resent) {
                  quickest = Math.min(quickest, delay);
                  if (delay - quickest > config.bufferMs && !stalled()) {
                    window.lateFrames++;
                    socket.send(JSON.stringify({ type: "resend", seq: frame.seq, ts: frame.ts }));
                  }
                }
                play(frame.seq);
              };
            })();
            </script>
            </body>
            </html>
            """;
    }
}

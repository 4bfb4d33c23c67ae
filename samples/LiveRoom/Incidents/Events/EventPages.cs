using System.Net;

namespace LiveRoom.Incidents.Events;

/// <summary>
/// The schedule form (its button creates the event and follows the join link) and the join page, whose script
/// joins and shows the outcome in <c>#join-status</c>: "Joined" (with <c>#waiting</c> shown for a waiting room) or
/// "Could not join: ..." with the server's error; <c>data-state</c> is then <c>joined</c> or <c>failed</c>.
/// </summary>
internal static class EventPages
{
    public static string Schedule(EventSettings s) =>
        $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Schedule an event</title></head>
            <body>
            <h1>Schedule an event</h1>
            <p id="settings">{{WebUtility.HtmlEncode(s.Describe())}}</p>
            <button id="schedule" type="button">Schedule and open the join link</button>
            <p id="schedule-status"></p>
            <script>
            document.getElementById("schedule").onclick = async function () {
              var status = document.getElementById("schedule-status");
              var response = await fetch("/api/events" + location.search, { method: "POST" });
              var body = await response.json();
              if (!response.ok) { status.textContent = "Could not schedule: " + body.error; return; }
              location.href = body.join;
            };
            </script>
            </body>
            </html>
            """;

    public static string Join(string id, EventSettings s) =>
        $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Join {{id}}</title></head>
            <body>
            <h1>Event <span id="event">{{id}}</span></h1>
            <p id="settings">{{WebUtility.HtmlEncode(s.Describe())}}</p>
            <p id="join-status">Joining...</p>
            <p id="waiting" hidden>In the waiting room: the host will let you in.</p>
            <script>
            (async function () {
              var status = document.getElementById("join-status");
              try {
                var response = await fetch("/api/events/{{id}}/join", { method: "POST" });
                var body = await response.json();
                if (response.ok) {
                  status.textContent = "Joined";
                  document.getElementById("waiting").hidden = !body.waiting;
                  status.dataset.state = "joined";
                } else {
                  status.textContent = "Could not join: " + body.error + " (HTTP " + response.status + ")";
                  status.dataset.state = "failed";
                }
              } catch (e) {
                status.textContent = "Could not join: " + e.message;
                status.dataset.state = "failed";
              }
            })();
            </script>
            </body>
            </html>
            """;
}

using System.Net;
using System.Text.Json;
using Harness.TestSupport;
using LiveRoom.Incidents.Echo;
using LiveRoom.Incidents.Events;

namespace LiveRoom.Tests.Incidents;

/// <summary>Scheduled events and their join: only automated + private chat fails, and only with the switch on.</summary>
public sealed class EventSettingsIncidentTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ScheduleAndJoinAsync(LiveRoomServer server, string query)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();
        using var created = await http.PostAsync("/api/events?" + query, null, cts.Token);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cts.Token)).RootElement.GetProperty("id").GetString();
        using var page = await http.GetAsync($"/events/{id}/join", cts.Token);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var joined = await http.PostAsync($"/api/events/{id}/join", null, cts.Token);
        return (joined.StatusCode, JsonDocument.Parse(await joined.Content.ReadAsStringAsync(cts.Token)).RootElement.Clone());
    }

    [TestCase("type=automated&chat=private", BugSwitch.On, HttpStatusCode.InternalServerError)]
    [TestCase("type=automated&chat=private&recording=on&waiting_room=on", BugSwitch.On, HttpStatusCode.InternalServerError)]
    [TestCase("type=automated&chat=private", BugSwitch.Off, HttpStatusCode.OK)]
    [TestCase("type=automated&chat=public", BugSwitch.On, HttpStatusCode.OK)]
    [TestCase("type=live&chat=private&waiting_room=on", BugSwitch.On, HttpStatusCode.OK)]
    public async Task Join_FailsOnlyForAutomatedPrivateChatWithTheSwitchOn(string query, BugSwitch bug, HttpStatusCode expected)
    {
        await using var server = await LiveRoomServer.StartAsync(o =>
            o with
            {
                Events = new EventBugOptions { FailAutomatedPrivateChat = bug },
            }
        );

        var (status, body) = await ScheduleAndJoinAsync(server, query);

        Assert.That(status, Is.EqualTo(expected));
        Assert.That(body.GetProperty("joined").GetBoolean(), Is.EqualTo(expected == HttpStatusCode.OK));
        if (expected != HttpStatusCode.OK)
            Assert.That(body.GetProperty("error").GetString(), Does.Contain("chat permissions could not be loaded"));
    }

    [Test]
    public async Task WaitingRoom_IsReported()
    {
        await using var server = await LiveRoomServer.StartAsync();

        var (_, body) = await ScheduleAndJoinAsync(server, "waiting_room=on");

        Assert.That(body.GetProperty("waiting").GetBoolean(), Is.True);
    }

    [TestCase("type=webinar", "type must be live or automated, got 'webinar'")]
    [TestCase("recording=yes", "recording must be on or off, got 'yes'")]
    public async Task BadSetting_IsA400NamingIt(string query, string expected)
    {
        await using var server = await LiveRoomServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        using var response = await http.PostAsync("/api/events?" + query, null, cts.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(cts.Token), Does.Contain(expected));
    }

    [Test]
    public async Task UnknownEvent_Is404()
    {
        await using var server = await LiveRoomServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        using var page = await http.GetAsync("/events/ev999/join", cts.Token);
        using var join = await http.PostAsync("/api/events/ev999/join", null, cts.Token);

        Assert.That((page.StatusCode, join.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }
}

using System.Net;
using System.Net.Http.Json;
using LiveRoom.Incidents.GrayRelease;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Tests.Incidents;

/// <summary>Incident 5: build B's join takes one extra round trip only when its regression is switched on.</summary>
public sealed class GrayReleaseJoinTests
{
    [Test]
    public async Task Join_BuildBWithRegression_RedirectsOnceBeforeAnswering()
    {
        await using var server = await LiveRoomServer.StartAsync(o =>
            o with
            {
                GrayRelease = new GrayReleaseOptions { Build = ReleaseBuild.B, JoinRegression = BugSwitch.On },
            }
        );
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        using var first = await http.GetAsync("/api/rooms/7/join", cts.Token);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(first.Headers.Location?.ToString(), Is.EqualTo("/api/rooms/7/join?confirm=1"));
        var ticket = await http.GetFromJsonAsync<Ticket>("/api/rooms/7/join?confirm=1", cts.Token);
        Assert.That(ticket, Is.EqualTo(new Ticket("7", "B", 2)));
    }

    [TestCase(ReleaseBuild.A, BugSwitch.On)]
    [TestCase(ReleaseBuild.B, BugSwitch.Off)]
    [TestCase(ReleaseBuild.A, BugSwitch.Off)]
    public async Task Join_WithoutTheRegression_AnswersTheFirstRequest(ReleaseBuild build, BugSwitch regression)
    {
        await using var server = await LiveRoomServer.StartAsync(o =>
            o with
            {
                GrayRelease = new GrayReleaseOptions { Build = build, JoinRegression = regression },
            }
        );
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        using var response = await http.GetAsync("/api/rooms/7/join", cts.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadFromJsonAsync<Ticket>(cts.Token), Is.EqualTo(new Ticket("7", build.ToString(), 1)));
    }

    [Test]
    public async Task Options_FromTheCommandLine_BindOnOffCaseInsensitively()
    {
        await using var app = LiveRoomApp.Build([
            "--urls",
            "http://127.0.0.1:0",
            "--LiveRoom:GrayRelease:Build=B",
            "--LiveRoom:GrayRelease:JoinRegression=on",
        ]);
        var options = app.Services.GetRequiredService<LiveRoom.Options.LiveRoomOptions>();

        Assert.That(options.GrayRelease.ExtraJoinRoundTrip, Is.True);
        Assert.That(new LiveRoom.Options.LiveRoomOptions().GrayRelease.ExtraJoinRoundTrip, Is.False, "off by default");
    }

    [Test]
    public void Options_UnknownBuild_IsAConfigurationError()
    {
        Assert.That(
            () => LiveRoomApp.Build(["--LiveRoom:GrayRelease:Build=C"]),
            Throws.TypeOf<LiveRoom.Options.LiveRoomOptionsException>().With.Message.Contains("GrayRelease")
        );
    }

    private sealed record Ticket(string Room, string Build, int Steps);
}

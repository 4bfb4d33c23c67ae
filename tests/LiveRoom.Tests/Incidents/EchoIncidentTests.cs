using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Harness.TestSupport;
using LiveRoom.Incidents.Echo;
using LiveRoom.Options;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Tests.Incidents;

/// <summary>The audio room of the echo incident: its switch, its page per client version, and resent frames.</summary>
public sealed class EchoIncidentTests
{
    [Test]
    public async Task Switch_IsOffByDefault_AndBindsOnFromTheCommandLine()
    {
        await using (var plain = LiveRoomApp.Build([]))
            Assert.That(plain.Services.GetRequiredService<LiveRoomOptions>().Echo, Is.EqualTo(new EchoBugOptions()));
        await using var app = LiveRoomApp.Build(["--LiveRoom:Echo:ReplayLateFrames=on", "--LiveRoom:Echo:PlayoutBufferMs=120"]);
        var echo = app.Services.GetRequiredService<LiveRoomOptions>().Echo;
        Assert.That(echo, Is.EqualTo(new EchoBugOptions { ReplayLateFrames = BugSwitch.On, PlayoutBufferMs = 120 }));
    }

    [TestCase("--LiveRoom:Echo:PlayoutBufferMs=0", "LiveRoom:Echo:PlayoutBufferMs")]
    [TestCase("--LiveRoom:Echo:BuggyClientVersion= ", "LiveRoom:Echo:BuggyClientVersion")]
    [TestCase("--LiveRoom:Echo:ReplayLateFrames=maybe", "ReplayLateFrames")]
    public void InvalidSetting_IsNamed(string arg, string setting)
    {
        var ex = Assert.Throws<LiveRoomOptionsException>(() => LiveRoomApp.Build([arg]));
        Assert.That(ex!.Message, Does.Contain(setting));
    }

    [TestCase(BugSwitch.On, "2.3", true)]
    [TestCase(BugSwitch.On, "2.4", false)]
    [TestCase(BugSwitch.On, null, false)]
    [TestCase(BugSwitch.Off, "2.3", false)]
    public async Task Page_ReplaysOnlyForTheBuggyVersionWithTheSwitchOn(BugSwitch on, string? version, bool replays)
    {
        await using var server = await LiveRoomServer.StartAsync(o => o with { Echo = new EchoBugOptions { ReplayLateFrames = on } });
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        var html = await http.GetStringAsync(version is null ? "/audio/1" : $"/audio/1?client_version={version}", cts.Token);

        Assert.That(html, Does.Contain($"\"replays\":{(replays ? "true" : "false")}"));
        Assert.That(html, Does.Contain($"<span id=\"client-version\">{version ?? "unknown"}</span>"));
    }

    [Test]
    public async Task Socket_AnswersAResendWithASecondCopyOfTheFrame()
    {
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });
        using var cts = Timeouts.Bounded();
        using var socket = await TestSocket.ConnectAsync(server.WebSocketUri("/ws/audio/resend"), cts.Token);
        var first = await socket.ReceiveFrameAsync(cts.Token);

        var request = Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(
                new
                {
                    type = "resend",
                    seq = first.Seq,
                    ts = first.Ts,
                }
            )
        );
        await socket.Socket.SendAsync(request, WebSocketMessageType.Text, true, cts.Token);

        while (true)
        {
            var (_, data) = await socket.ReceiveAsync(cts.Token);
            using var frame = JsonDocument.Parse(data);
            if (!frame.RootElement.TryGetProperty("resent", out var resent))
                continue;
            Assert.That(resent.GetBoolean(), Is.True);
            Assert.That(frame.RootElement.GetProperty("seq").GetInt64(), Is.EqualTo(first.Seq));
            Assert.That(frame.RootElement.GetProperty("ts").GetDouble(), Is.EqualTo(first.Ts).Within(0.001));
            return;
        }
    }
}

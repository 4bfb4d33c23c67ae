using System.Net.WebSockets;
using LiveRoom.Incidents.Relay;
using LiveRoom.Options;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Tests.Incidents;

/// <summary>Rooms homed in another region reach this instance's participants through the relay, with its timeout.</summary>
public sealed class RelayTests
{
    [Test]
    public async Task Relay_RoomHomedInOtherRegion_EdgeParticipantReceivesTheHomeRoomsFrames()
    {
        using var cts = Timeouts.Bounded();
        await using var home = await LiveRoomServer.StartAsync(o => o with { Region = "us-east", FrameRate = 50 });
        await using var edge = await LiveRoomServer.StartAsync(o =>
            o with
            {
                Region = "eu-west",
                FrameRate = 50,
                Relay = Homed(home.BaseUri),
            }
        );
        using var socket = await TestSocket.ConnectAsync(edge.WebSocketUri("/ws/room/r1"), cts.Token);

        var frames = await socket.ReceiveFramesAsync(10, cts.Token);

        Assert.That(frames.Select(f => f.Room).Distinct(), Is.EqualTo(new[] { "r1" }));
        Assert.That(frames.Select(f => f.Seq), Is.Ordered.Ascending.And.Unique, "the home room's one sequence, in order");
    }

    [Test]
    public async Task Relay_BugOnAgainstAHomeSlowerThanTheShortTimeout_ClosesParticipantsWith4504NamingTheRegions()
    {
        using var cts = Timeouts.Bounded();
        await using var home = await SlowHome.StartAsync(TimeSpan.FromMilliseconds(200));
        await using var edge = await LiveRoomServer.StartAsync(o =>
            o with
            {
                Region = "eu-west",
                Relay = Homed(home.BaseUri) with { ShortTimeout = RelaySwitch.On, ShortTimeoutMs = 40 },
            }
        );
        using var socket = await TestSocket.ConnectAsync(edge.WebSocketUri("/ws/room/r1"), cts.Token);

        var (type, _) = await socket.ReceiveAsync(cts.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That((int?)socket.Socket.CloseStatus, Is.EqualTo(RelayOptions.RelayTimeoutCloseCode));
            Assert.That(socket.Socket.CloseStatusDescription, Does.Contain("relay eu-west -> us-east").And.Contain("timeout after 40 ms"));
        }
    }

    [Test]
    public async Task Relay_BugOffAgainstTheSameSlowHome_DeliversFrames()
    {
        using var cts = Timeouts.Bounded();
        await using var home = await SlowHome.StartAsync(TimeSpan.FromMilliseconds(200));
        await using var edge = await LiveRoomServer.StartAsync(o => o with { Region = "eu-west", Relay = Homed(home.BaseUri) });
        using var socket = await TestSocket.ConnectAsync(edge.WebSocketUri("/ws/room/r1"), cts.Token);

        var frames = await socket.ReceiveFramesAsync(3, cts.Token);

        Assert.That(frames.Select(f => f.Seq), Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public async Task Relay_SameRegionInstanceNamedApart_RelaysFromTheHomeInstance()
    {
        using var cts = Timeouts.Bounded();
        await using var home = await LiveRoomServer.StartAsync(o => o with { Region = "us-east", FrameRate = 50 });
        await using var edge = await LiveRoomServer.StartAsync(o =>
            o with
            {
                Region = "us-east",
                FrameRate = 50,
                Relay = Homed(home.BaseUri) with { Name = "us-east-canary" },
            }
        );
        using var socket = await TestSocket.ConnectAsync(edge.WebSocketUri("/ws/room/r1"), cts.Token);

        var frames = await socket.ReceiveFramesAsync(5, cts.Token);
        using var http = new HttpClient();
        var homeFeed = await http.GetStringAsync(new Uri(home.BaseUri, "relay/rooms/r1/frames?after=0"), cts.Token);

        Assert.That(frames.Select(f => f.Seq), Is.Ordered.Ascending.And.Unique);
        Assert.That(homeFeed, Does.Contain($"\"seq\":{frames[^1].Seq}"), "the frames came from the home instance's feed");
    }

    [Test]
    public void Options_RoomHomedInARegionWithoutAPeer_IsAnErrorNamingTheKey()
    {
        var relay = new RelayOptions { Homes = new() { ["r1"] = "ap-southeast" } };

        var errors = relay.Validate("eu-west").ToList();

        Assert.That(
            errors,
            Is.EqualTo(
                new[] { "LiveRoom:Relay:Homes:r1 is homed in 'ap-southeast', but LiveRoom:Relay:Peers has no URL for 'ap-southeast'" }
            )
        );
    }

    [Test]
    public async Task Options_FromTheCommandLine_BugSwitchOnAndPeersBind()
    {
        await using var app = LiveRoomApp.Build(
            [
                "--urls",
                "http://127.0.0.1:0",
                "--LiveRoom:Region=eu-west",
                "--LiveRoom:Relay:ShortTimeout=on",
                "--LiveRoom:Relay:Homes:r1=us-east",
                "--LiveRoom:Relay:Peers:us-east=http://127.0.0.1:9",
            ],
            output: TextWriter.Null
        );

        var relay = app.Services.GetRequiredService<LiveRoomOptions>().Relay;

        Assert.That(relay.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
        Assert.That(relay.RemoteHome("r1", "eu-west"), Is.EqualTo("us-east"));
    }

    [Test]
    public void Options_Default_BugSwitchOffWithTheLongTimeout()
    {
        var options = new LiveRoomOptions();

        Assert.That(options.Relay.ShortTimeout, Is.EqualTo(RelaySwitch.Off));
        Assert.That(options.Relay.Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    private static RelayOptions Homed(Uri home) =>
        new()
        {
            Homes = new() { ["r1"] = "us-east" },
            Peers = new() { ["us-east"] = home.ToString() },
        };
}

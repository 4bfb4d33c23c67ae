using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;

namespace LiveRoom.Tests.Endpoints;

public sealed class RoomStreamTests
{
    [Test]
    public async Task RoomStream_OneMember_ConsecutiveSeqAtAboutFrameRate()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50, FramePayloadBytes = 160 });
        using var socket = await TestSocket.ConnectAsync(server.WebSocketUri("/ws/room/stream"), cts.Token);

        var frames = await socket.ReceiveFramesAsync(26, cts.Token);

        var first = frames[0];
        var last = frames[^1];
        // The server's own send timestamps give the rate without depending on how fast this test machine reads.
        var msPerFrame = (last.Ts - first.Ts) / (last.Seq - first.Seq);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frames.Select(f => f.Seq), Is.EqualTo(Enumerable.Range(0, 26).Select(i => first.Seq + i)));
            Assert.That(frames.Select(f => f.Room).Distinct(), Is.EqualTo(new[] { "stream" }));
            Assert.That(frames.Select(f => f.Type).Distinct(), Is.EqualTo(new[] { "frame" }));
            Assert.That(Convert.FromBase64String(first.Payload), Has.Length.EqualTo(160));
            Assert.That(msPerFrame, Is.EqualTo(20).Within(30).Percent);
            Assert.That(first.Ts, Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Within(60_000), "ts is Unix epoch ms");
        }
    }

    [Test]
    public async Task RoomStream_LateJoiner_StartsMidSequenceOfSameRoom()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });
        var uri = server.WebSocketUri("/ws/room/shared");
        using var early = await TestSocket.ConnectAsync(uri, cts.Token);
        await early.ReceiveFramesAsync(5, cts.Token);

        using var late = await TestSocket.ConnectAsync(uri, cts.Token);
        var lateFirst = await late.ReceiveFrameAsync(cts.Token);
        TestFrame earlyFrame;
        do earlyFrame = await early.ReceiveFrameAsync(cts.Token);
        while (earlyFrame.Seq < lateFirst.Seq);

        Assert.That(lateFirst.Seq, Is.GreaterThan(5));
        Assert.That(earlyFrame.Seq, Is.EqualTo(lateFirst.Seq), "both members see the room's one sequence");
        Assert.That(earlyFrame.Ts, Is.EqualTo(lateFirst.Ts));
    }

    [Test]
    public async Task RoomStream_ClientCloses_MemberLeavesRoom()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using (var socket = await TestSocket.ConnectAsync(server.WebSocketUri("/ws/room/leave"), cts.Token))
        {
            await socket.ReceiveFrameAsync(cts.Token);
            await socket.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        }

        await Polling.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonElement>("/api/rooms/leave", cts.Token)).GetProperty("members").GetInt32() == 0,
            cts.Token
        );
    }

    [Test]
    public async Task RoomStream_SlowMember_IsDroppedWithPolicyViolationWhileOthersKeepStreaming()
    {
        using var cts = Timeouts.Bounded(30);
        // Big frames fill the slow client's socket buffers quickly; the long grace lets it read the close frame later.
        await using var server = await LiveRoomServer.StartAsync(o =>
            o with
            {
                FrameRate = 100,
                FramePayloadBytes = 64 * 1024,
                MemberQueueFrames = 5,
                CloseGrace = TimeSpan.FromSeconds(60),
            }
        );
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var uri = server.WebSocketUri("/ws/room/slow");
        using var fast = await TestSocket.ConnectAsync(uri, cts.Token);
        using var slowHandler = new SocketsHttpHandler { ConnectCallback = SmallReceiveBufferConnectAsync };
        using var slowInvoker = new HttpMessageInvoker(slowHandler);
        using var slow = await TestSocket.ConnectAsync(uri, cts.Token, invoker: slowInvoker);

        // The fast member reads continuously; the slow one does not read at all until it has been dropped.
        var fastFrames = new List<TestFrame>();
        await Polling.UntilAsync(
            async () =>
            {
                fastFrames.Add(await fast.ReceiveFrameAsync(cts.Token));
                var room = await http.GetFromJsonAsync<JsonElement>("/api/rooms/slow", cts.Token);
                return room.GetProperty("members").GetInt32() == 1;
            },
            cts.Token
        );
        fastFrames.AddRange(await fast.ReceiveFramesAsync(10, cts.Token));

        var slowCloseStatus = await ReadUntilClosedAsync(slow, cts.Token);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(slowCloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
            Assert.That(slow.Socket.CloseStatusDescription, Does.Contain("too slow"));
            Assert.That(fastFrames.Zip(fastFrames.Skip(1)).All(p => p.Second.Seq == p.First.Seq + 1), Is.True, "fast member saw no gap");
        }
    }

    private static async Task<WebSocketCloseStatus?> ReadUntilClosedAsync(TestSocket socket, CancellationToken ct)
    {
        while ((await socket.ReceiveAsync(ct)).Type != WebSocketMessageType.Close) { }
        return socket.Socket.CloseStatus;
    }

    private static async ValueTask<Stream> SmallReceiveBufferConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(context.DnsEndPoint, ct);
        return new NetworkStream(socket, ownsSocket: true);
    }
}

using System.Net.WebSockets;
using System.Text;

namespace LiveRoom.Tests.Endpoints;

public sealed class EchoEndpointTests
{
    [Test]
    public async Task Echo_TextAndBinary_ReturnsSameMessagesThenCloses()
    {
        using var cts = Timeouts.Bounded();
        await using var server = await LiveRoomServer.StartAsync();
        using var socket = await TestSocket.ConnectAsync(server.WebSocketUri("/ws/echo"), cts.Token);
        var text = Encoding.UTF8.GetBytes("hello ✓");
        var binary = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();

        await socket.Socket.SendAsync(text, WebSocketMessageType.Text, true, cts.Token);
        var first = await socket.ReceiveAsync(cts.Token);
        await socket.Socket.SendAsync(binary, WebSocketMessageType.Binary, true, cts.Token);
        var second = await socket.ReceiveAsync(cts.Token);
        await socket.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Type, Is.EqualTo(WebSocketMessageType.Text));
            Assert.That(first.Data, Is.EqualTo(text));
            Assert.That(second.Type, Is.EqualTo(WebSocketMessageType.Binary));
            Assert.That(second.Data, Is.EqualTo(binary));
            Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        }
    }

    [Test]
    public async Task Echo_ServerStops_ClosesWithEndpointUnavailable()
    {
        using var cts = Timeouts.Bounded();
        var server = await LiveRoomServer.StartAsync();
        using var socket = await TestSocket.ConnectAsync(server.WebSocketUri("/ws/echo"), cts.Token);

        var stopping = server.DisposeAsync().AsTask();
        var (type, _) = await socket.ReceiveAsync(cts.Token);
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
        await stopping.WaitAsync(cts.Token);

        Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
    }
}

using System.Net.WebSockets;

namespace LiveRoom.Tests;

/// <summary>A thin ClientWebSocket wrapper that reads whole messages, so tests read like a protocol script.</summary>
internal sealed class TestSocket(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket => socket;

    public static async Task<TestSocket> ConnectAsync(
        Uri uri,
        CancellationToken ct,
        Action<ClientWebSocketOptions>? configure = null,
        HttpMessageInvoker? invoker = null
    )
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        await socket.ConnectAsync(uri, invoker, ct);
        return new TestSocket(socket);
    }

    public async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return (result.MessageType, message.ToArray());
        }
    }

    public async Task<TestFrame> ReceiveFrameAsync(CancellationToken ct)
    {
        var (type, data) = await ReceiveAsync(ct);
        Assert.That(type, Is.EqualTo(WebSocketMessageType.Text));
        return TestFrame.Parse(data);
    }

    public async Task<List<TestFrame>> ReceiveFramesAsync(int count, CancellationToken ct)
    {
        var frames = new List<TestFrame>(count);
        while (frames.Count < count)
            frames.Add(await ReceiveFrameAsync(ct));
        return frames;
    }

    public void Dispose() => socket.Dispose();
}

using System.Net.WebSockets;
using System.Threading.Channels;

namespace LiveRoom.Rooms;

/// <summary>
/// One member's bounded outbound queue. The room ticker only ever calls <see cref="TryEnqueue"/>, which never
/// blocks, so a slow member cannot stall the others; a member whose queue is full is closed instead.
/// </summary>
internal sealed class RoomMember : IDisposable
{
    private readonly Channel<ReadOnlyMemory<byte>> _queue;
    private readonly CancellationTokenSource _abort;
    private readonly TimeSpan _closeGrace;
    private int _closed;

    public RoomMember(int queueFrames, TimeSpan closeGrace, TimeProvider time)
    {
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(
            new BoundedChannelOptions(queueFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }
        );
        _closeGrace = closeGrace;
        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    public ChannelReader<ReadOnlyMemory<byte>> Frames => _queue.Reader;

    /// <summary>Fires when the connection must stop at once, or when a close handshake overran its grace period.</summary>
    public CancellationToken Aborted => _abort.Token;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public WebSocketCloseStatus CloseStatus { get; private set; } = WebSocketCloseStatus.NormalClosure;

    public string CloseDescription { get; private set; } = "";

    public bool TryEnqueue(ReadOnlyMemory<byte> frame) => !IsClosed && _queue.Writer.TryWrite(frame);

    /// <summary>Asks the connection to close with this status; the first reason wins.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        CloseStatus = status;
        CloseDescription = description;
        _queue.Writer.TryComplete();
        _abort.CancelAfter(_closeGrace);
    }

    public void Abort()
    {
        Close(WebSocketCloseStatus.EndpointUnavailable, "aborted");
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException) { } // the connection already finished
    }

    public void Dispose()
    {
        Close(WebSocketCloseStatus.NormalClosure, "");
        _abort.Dispose();
    }
}

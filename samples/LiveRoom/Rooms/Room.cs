using System.Net.WebSockets;

namespace LiveRoom.Rooms;

/// <summary>
/// A room streams one sequence of frames to all its members. The ticker runs only while the room has members;
/// the sequence survives an empty room, so a member who comes back later starts mid-sequence.
/// </summary>
internal sealed class Room(string id, TimeSpan frameInterval, FrameEncoder encoder, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<RoomMember> _members = [];
    private PeriodicTimer? _timer;
    private CancellationTokenSource? _feedStop;
    private long _lastSeq;

    /// <summary>
    /// Where the frames come from when the room is hosted elsewhere (a relay from its home region): run while the
    /// room has members, instead of the room's own ticker, handing frames to <see cref="Broadcast"/>.
    /// </summary>
    public Func<Room, CancellationToken, Task>? Feed { get; init; }

    public string Id => id;

    public int MemberCount
    {
        get
        {
            lock (_gate)
                return _members.Count;
        }
    }

    public long LastSeq => Interlocked.Read(ref _lastSeq);

    public void Join(RoomMember member)
    {
        lock (_gate)
        {
            _members.Add(member);
            if (Feed is not null)
            {
                if (_feedStop is not null)
                    return;
                _feedStop = new CancellationTokenSource();
                _ = Feed(this, _feedStop.Token);
                return;
            }
            if (_timer is not null)
                return;
            // PeriodicTimer fires on a fixed schedule, so the rate does not drift with send times;
            // a late tick is coalesced rather than followed by a burst.
            _timer = new PeriodicTimer(frameInterval, time);
            _ = RunTickerAsync(_timer);
        }
    }

    public void Leave(RoomMember member)
    {
        lock (_gate)
        {
            if (!_members.Remove(member) || _members.Count > 0)
                return;
            _timer?.Dispose();
            _timer = null;
            _feedStop?.Cancel();
            _feedStop?.Dispose();
            _feedStop = null;
        }
    }

    public void CloseAll(WebSocketCloseStatus status, string description)
    {
        RoomMember[] members;
        lock (_gate)
            members = [.. _members];
        foreach (var member in members)
            member.Close(status, description);
    }

    private async Task RunTickerAsync(PeriodicTimer timer)
    {
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
            Tick(timer);
    }

    private void Tick(PeriodicTimer timer)
    {
        RoomMember[] members;
        long seq;
        lock (_gate)
        {
            // A ticker that was stopped while this tick was pending must not send.
            if (!ReferenceEquals(timer, _timer))
                return;
            members = [.. _members];
            seq = Interlocked.Increment(ref _lastSeq);
        }

        Deliver(members, encoder.Encode(id, seq, time.GetUtcNow()));
    }

    /// <summary>Hands a frame from the room's <see cref="Feed"/> to every member.</summary>
    public void Broadcast(ReadOnlyMemory<byte> frame)
    {
        RoomMember[] members;
        lock (_gate)
            members = [.. _members];
        Deliver(members, frame);
    }

    private void Deliver(RoomMember[] members, ReadOnlyMemory<byte> frame)
    {
        foreach (var member in members)
        {
            if (member.TryEnqueue(frame))
                continue;
            member.Close(WebSocketCloseStatus.PolicyViolation, "client too slow: send queue full");
            Leave(member);
        }
    }
}

using System.Collections.Concurrent;
using System.Net.WebSockets;
using LiveRoom.Options;

namespace LiveRoom.Rooms;

/// <summary>
/// All rooms of this instance. Rooms are created on first join and kept, which keeps each room's sequence
/// continuous; ids are validated by <see cref="RoomId"/>, which bounds what a client can create.
/// </summary>
internal sealed class RoomRegistry(LiveRoomOptions options, TimeProvider time, Incidents.Relay.RelayRooms relay)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly FrameEncoder _encoder = FrameEncoder.Create(options.FramePayloadBytes);

    public Room GetOrCreate(string id) =>
        _rooms.GetOrAdd(id, key => new Room(key, options.FrameInterval, _encoder, time) { Feed = relay.FeedFor(key) });

    public Room? Find(string id) => _rooms.GetValueOrDefault(id);

    public RoomMember CreateMember() => new(options.MemberQueueFrames, options.CloseGrace, time);

    public void CloseAll(WebSocketCloseStatus status, string description)
    {
        foreach (var room in _rooms.Values)
            room.CloseAll(status, description);
    }
}

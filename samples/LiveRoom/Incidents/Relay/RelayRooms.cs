using LiveRoom.Options;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Relay;

/// <summary>
/// This instance's part in relays: the feed of a room it hosts for other regions, and the relay that brings it
/// the frames of a room homed elsewhere.
/// </summary>
internal sealed class RelayRooms(LiveRoomOptions options, TimeProvider time) : IDisposable
{
    private readonly Dictionary<string, RelayFeed> _feeds = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>The relay for a room homed in another region; null for a room this instance hosts.</summary>
    public Func<Room, CancellationToken, Task>? FeedFor(string room)
    {
        var relay = options.Relay;
        if (relay.RemoteHome(room, options.Region) is not { } home)
            return null;
        var peer = new Uri(relay.Peers[home].TrimEnd('/') + "/");
        return (target, stop) =>
            new RelayPuller(_http, peer, room, relay.Name ?? options.Region, home, relay, options.FrameInterval, time)
                .RunAsync(target, stop)
                .ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>The feed of a room this instance hosts, started on the first fetch from another region.</summary>
    public RelayFeed FeedOf(Room room, Func<RoomMember> member)
    {
        lock (_feeds)
        {
            if (!_feeds.TryGetValue(room.Id, out var feed))
                _feeds[room.Id] = feed = RelayFeed.Start(room, member());
            return feed;
        }
    }

    public void Dispose() => _http.Dispose();
}

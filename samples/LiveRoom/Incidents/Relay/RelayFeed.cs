using System.Text.Json;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Relay;

/// <summary>
/// The home side of a relay: a member of the local room that keeps the room's last frames (by seq) so other regions'
/// instances can fetch what they have not seen yet. Joining keeps the room ticking while only relays listen.
/// </summary>
internal sealed class RelayFeed
{
    private const int Keep = 200;
    private readonly object _gate = new();
    private readonly LinkedList<(long Seq, ReadOnlyMemory<byte> Frame)> _frames = new();

    public static RelayFeed Start(Room room, RoomMember member)
    {
        var feed = new RelayFeed();
        room.Join(member);
        _ = feed.DrainAsync(member);
        return feed;
    }

    /// <summary>The frames after <paramref name="after"/>, oldest first, as a JSON array of the frames themselves.</summary>
    public byte[] After(long after)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        lock (_gate)
        {
            var first = true;
            foreach (var (seq, frame) in _frames)
            {
                if (seq <= after)
                    continue;
                if (!first)
                    buffer.WriteByte((byte)',');
                buffer.Write(frame.Span);
                first = false;
            }
        }
        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }

    private async Task DrainAsync(RoomMember member)
    {
        await foreach (var frame in member.Frames.ReadAllAsync().ConfigureAwait(false))
        {
            var seq = SeqOf(frame);
            lock (_gate)
            {
                _frames.AddLast((seq, frame));
                if (_frames.Count > Keep)
                    _frames.RemoveFirst();
            }
        }
    }

    internal static long SeqOf(ReadOnlyMemory<byte> frame)
    {
        var reader = new Utf8JsonReader(frame.Span);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("seq") && reader.Read())
                return reader.GetInt64();
        }
        return 0;
    }
}

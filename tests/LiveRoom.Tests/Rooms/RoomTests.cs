using System.Net.WebSockets;
using System.Text.Json;
using Harness.TestSupport;
using LiveRoom.Rooms;

namespace LiveRoom.Tests.Rooms;

public sealed class RoomTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly ManualTimeProvider _time = new();

    private Room CreateSut() => new("r1", Interval, FrameEncoder.Create(4), _time);

    private RoomMember CreateMember(int queueFrames = 10) => new(queueFrames, TimeSpan.FromSeconds(5), _time);

    // One interval at a time, waiting for the tick to land, so PeriodicTimer never coalesces two ticks.
    private async Task TickAsync(Room room, CancellationToken ct)
    {
        var before = room.LastSeq;
        _time.Advance(Interval);
        await Polling.UntilAsync(() => room.LastSeq > before, ct);
    }

    [Test]
    public async Task Room_EachInterval_SendsNextSeqStampedWithClock()
    {
        using var cts = Timeouts.Bounded();
        var room = CreateSut();
        using var member = CreateMember();
        room.Join(member);

        for (var i = 0; i < 3; i++)
            await TickAsync(room, cts.Token);

        var frames = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
            frames.Add(JsonSerializer.Deserialize<JsonElement>((await member.Frames.ReadAsync(cts.Token)).Span));
        var start = FrameEncoder.ToUnixMilliseconds(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.That(frames.Select(f => f.GetProperty("seq").GetInt64()), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(frames.Select(f => f.GetProperty("ts").GetDouble()), Is.EqualTo(new[] { start + 50, start + 100, start + 150 }));
    }

    [Test]
    public async Task Room_LastMemberLeaves_StopsTickerAndKeepsSequence()
    {
        using var cts = Timeouts.Bounded();
        var room = CreateSut();
        using var first = CreateMember();
        room.Join(first);
        await TickAsync(room, cts.Token);
        room.Leave(first);

        _time.Advance(Interval * 10);
        using var second = CreateMember();
        room.Join(second);
        await TickAsync(room, cts.Token);

        Assert.That(room.LastSeq, Is.EqualTo(2), "no frames while empty; the sequence resumes");
        Assert.That(room.MemberCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Room_MemberQueueFull_ClosesThatMemberOnly()
    {
        using var cts = Timeouts.Bounded();
        var room = CreateSut();
        using var slow = CreateMember(queueFrames: 2);
        using var reader = CreateMember(queueFrames: 2);
        room.Join(slow);
        room.Join(reader);

        for (var i = 0; i < 3; i++)
        {
            await TickAsync(room, cts.Token);
            await reader.Frames.ReadAsync(cts.Token);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(slow.IsClosed, Is.True);
            Assert.That(slow.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
            Assert.That(reader.IsClosed, Is.False);
            Assert.That(room.MemberCount, Is.EqualTo(1));
        }
    }
}

using Harness.TestSupport;

namespace LiveRoom.Tests.Endpoints;

/// <summary>ApiDelayMs makes the room API a measurably slower "version" on the server's injected clock.</summary>
public sealed class ApiDelayTests
{
    [Test]
    public async Task Room_WithApiDelay_AnswersOnlyAfterTheDelayOnTheInjectedClock()
    {
        var time = new ManualTimeProvider();
        await using var server = await LiveRoomServer.StartAsync(o => o with { ApiDelayMs = 60_000 }, time);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();
        var start = time.GetUtcNow();

        var request = http.GetAsync("/api/rooms/delayed", cts.Token);
        // The handler's wait is the only timer on this clock; firing it (and nothing else) lets the answer out.
        await Polling.UntilAsync(() => time.TryAdvanceToNextTimer(), cts.Token);
        using var response = await request;

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(time.GetUtcNow() - start, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task Room_WithoutApiDelay_AnswersWithoutWaitingOnTheClock()
    {
        var time = new ManualTimeProvider();
        await using var server = await LiveRoomServer.StartAsync(time: time);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var cts = Timeouts.Bounded();

        using var response = await http.GetAsync("/api/rooms/prompt", cts.Token);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(time.TryAdvanceToNextTimer(), Is.False, "no delay timer was scheduled");
    }
}

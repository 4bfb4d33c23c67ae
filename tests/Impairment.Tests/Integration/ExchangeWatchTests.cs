using System.Collections.Concurrent;
using System.Net.Sockets;
using Harness.Impairment.Exchanges;

namespace Impairment.Tests.Integration;

/// <summary>A watched proxy reports connections, answered waits and the waits its clients gave up on.</summary>
public sealed class ExchangeWatchTests : LoopbackTestBase
{
    private readonly ConcurrentQueue<ExchangeEvent> _events = new();

    [Test]
    public async Task Watched_AnsweredRequest_ReportsConnectionAndWaitIncludingLatency()
    {
        var listen = CreateProxy();
        using var watch = Engine.WatchExchanges("p", _events.Enqueue);
        await AddAsync("latency", "downstream", 1f, ("latency", 100));
        using (var client = await ConnectAsync(listen))
        {
            await RoundTripMsAsync(client, 10);
            await RoundTripMsAsync(client, 10);
        }
        var answered = await WaitForAsync(ExchangeOutcome.Answered, 2);

        Assert.That(_events.Count(e => e.Outcome == ExchangeOutcome.Connected), Is.EqualTo(1));
        Assert.That(answered.Select(e => e.Wait.TotalMilliseconds), Has.All.InRange(100 - TimerSlackMs, 5000));
        Assert.That(_events.Any(e => e.Outcome == ExchangeOutcome.Abandoned), Is.False, "every request was answered before the close");
    }

    [Test]
    public async Task Watched_ClientClosesWhileWaiting_ReportsAbandonedWaitUpToTheClose()
    {
        var listen = CreateProxy();
        using var watch = Engine.WatchExchanges("p", _events.Enqueue);
        using (var client = await ConnectAsync(listen))
        {
            await RoundTripMsAsync(client, 10); // the proxy now reads the client at once
            await AddAsync("latency", "downstream", 1f, ("latency", 1500));
            await client.SendAsync(new byte[10], SocketFlags.None, Cts.Token);
            await Task.Delay(60, Cts.Token);
        }
        var abandoned = (await WaitForAsync(ExchangeOutcome.Abandoned, 1)).Single();

        Assert.That(
            abandoned.Wait.TotalMilliseconds,
            Is.InRange(60 - TimerSlackMs, 1500),
            "from the request to the client's close, before the answer"
        );
        Assert.That(_events.Count(e => e.Outcome == ExchangeOutcome.Abandoned), Is.EqualTo(1), "only the last request was unanswered");
    }

    [Test]
    public async Task Unwatched_Proxy_ReportsNothing()
    {
        var listen = CreateProxy();
        using (Engine.WatchExchanges("other", _events.Enqueue))
        using (var client = await ConnectAsync(listen))
        {
            await RoundTripMsAsync(client, 10);
        }
        Assert.That(_events, Is.Empty);
    }

    private async Task<List<ExchangeEvent>> WaitForAsync(ExchangeOutcome outcome, int count)
    {
        while (_events.Count(e => e.Outcome == outcome) < count)
            await Task.Delay(20, Cts.Token);
        return _events.Where(e => e.Outcome == outcome).ToList();
    }
}

using Harness.TestSupport;

namespace Harness.Testing.Tests;

/// <summary>A timeline on the server: each phase's toxics only during that phase, events at their offsets.</summary>
public sealed class TimelineTests : ImpairedTest
{
    [Test]
    public async Task RunTimelineAsync_LatencyOnlyInItsPhase()
    {
        await using var echo = new EchoServer();
        var proxy = await Server.CreateProxyAsync(new ProxyOptions { Name = "edge", Upstream = echo.Address });
        var timeline = new Timeline()
            .Phase("clean", TimeSpan.FromSeconds(1))
            .Phase("slow", TimeSpan.FromSeconds(1.5), p => p.Toxic("edge", Toxic.Latency(TimeSpan.FromMilliseconds(250))))
            .Phase("partitioned", TimeSpan.FromSeconds(1), p => p.Disable("edge").Enable("edge", TimeSpan.FromMilliseconds(800)));
        var walk = Server.RunTimelineAsync(timeline);
        var clean = await RoundTrip.MeasureAsync(proxy.Endpoint);

        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        var slow = await RoundTrip.MeasureAsync(proxy.Endpoint);
        var result = await walk;

        Assert.That(clean.TotalMilliseconds, Is.LessThan(150));
        Assert.That(slow.TotalMilliseconds, Is.InRange(230, 500));
        Assert.That(result.Phases.Select(p => p.Name), Is.EqualTo(new[] { "clean", "slow", "partitioned" }));
        Assert.That(result.Phases[1].Toxics.Select(t => t.Type), Is.EqualTo(new[] { "latency" }));
        Assert.That(result.Events.Select(e => e.Action), Is.EqualTo(new[] { "disable edge", "enable edge" }));
        Assert.That(await proxy.GetToxicsAsync(), Is.Empty);
        Assert.That(await RoundTrip.PassesAsync(proxy.Endpoint), Is.True);
    }

    [Test]
    public void Phase_EventBeyondItsEnd_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Timeline().Phase("short", TimeSpan.FromSeconds(1), p => p.Disable("edge", TimeSpan.FromSeconds(2)))
        );

        Assert.That(error!.Message, Does.Contain("phase short: an event's offset must be within the phase"));
    }
}

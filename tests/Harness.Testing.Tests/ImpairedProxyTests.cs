using Harness.TestSupport;

namespace Harness.Testing.Tests;

/// <summary>Proxies, toxics and profiles on the embedded server, measured over loopback with two-sided bounds.</summary>
public sealed class ImpairedProxyTests : ImpairedTest
{
    private EchoServer _echo = null!;

    [SetUp]
    public void StartEcho() => _echo = new EchoServer();

    [TearDown]
    public async Task StopEchoAsync() => await _echo.DisposeAsync();

    private Task<ImpairedProxy> ProxyAsync(string? profile = null) =>
        Server.CreateProxyAsync(
            new ProxyOptions
            {
                Name = "echo",
                Upstream = _echo.Address,
                Profile = profile,
            }
        );

    [Test]
    public async Task AddToxicAsync_Latency200ms_RoundTripBetween180And400ms()
    {
        var proxy = await ProxyAsync();
        await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(200)));
        var samples = new MetricSamples("echo_rtt");

        for (var i = 0; i < 5; i++)
            samples.Add(await RoundTrip.MeasureAsync(proxy.Endpoint));

        Assert.That(samples, Passes.Threshold("min >= 180ms"));
        Assert.That(samples, Passes.Threshold("max < 400ms"));
    }

    [Test]
    public async Task AddToxicAsync_DoubledLatency_FailsTheSameBounds()
    {
        var proxy = await ProxyAsync();
        await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(400)));
        var samples = new MetricSamples("echo_rtt");

        for (var i = 0; i < 3; i++)
            samples.Add(await RoundTrip.MeasureAsync(proxy.Endpoint));

        var failure = Assert.Throws<AssertionException>(() => Assert.That(samples, Passes.Threshold("max < 400ms")));
        Assert.That(failure!.Message, Does.Contain("FAIL  echo_rtt: max < 400ms  (max = ").And.Contain("limit < 400ms"));
        Assert.That(samples.Summary.Max, Is.GreaterThanOrEqualTo(400));
    }

    [Test]
    public async Task ToxicHandle_Dispose_RemovesTheLatency()
    {
        var proxy = await ProxyAsync();
        var toxic = await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(300)));
        var before = await RoundTrip.MeasureAsync(proxy.Endpoint);

        await toxic.DisposeAsync();
        var after = await RoundTrip.MeasureAsync(proxy.Endpoint);

        Assert.That(before.TotalMilliseconds, Is.InRange(280, 600));
        Assert.That(after.TotalMilliseconds, Is.LessThan(150));
    }

    [Test]
    public async Task CreateProxyAsync_Slow3gProfile_AddsItsToxicsAndRoundTripIsItsRtt()
    {
        var proxy = await ProxyAsync("slow-3g");

        var toxics = await proxy.GetToxicsAsync();
        var rtt = await RoundTrip.MeasureAsync(proxy.Endpoint);

        Assert.That(
            toxics.Select(t => $"{t.Type}:{t.Stream}"),
            Is.EquivalentTo(new[] { "latency:Upstream", "latency:Downstream", "bandwidth:Upstream", "bandwidth:Downstream" })
        );
        Assert.That(toxics.Where(t => t.Type == "latency").Sum(t => t.Attributes["latency"]), Is.EqualTo(400));
        Assert.That(rtt.TotalMilliseconds, Is.InRange(380, 800));
    }

    [Test]
    public async Task ApplyProfileAsync_Unknown_SaysWhichProfilesExist()
    {
        var proxy = await ProxyAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => proxy.ApplyProfileAsync("slow-2g"));

        Assert.That(error!.Message, Does.Contain("unknown profile 'slow-2g'").And.Contain("slow-3g"));
    }

    [Test]
    public async Task ProfileHandle_Dispose_RemovesItsToxics()
    {
        var proxy = await ProxyAsync();
        var profile = await proxy.ApplyProfileAsync("jittery-mobile");

        await profile.DisposeAsync();

        Assert.That(profile.Profile.LossPercent, Is.EqualTo(2));
        Assert.That(await proxy.GetToxicsAsync(), Is.Empty);
    }

    [Test]
    public async Task ToxicHandle_Update_ChangesTheLiveToxic_AndRemoveToxicsClearsAll()
    {
        var proxy = await ProxyAsync("slow-3g");
        var lag = await proxy.AddToxicAsync(Toxic.Latency(TimeSpan.FromMilliseconds(300)) with { Name = "lag" });

        await lag.UpdateAsync("latency", 120);
        var updated = (await proxy.GetToxicsAsync()).Single(t => t.Name == "lag");
        await proxy.RemoveToxicsAsync();

        Assert.That(updated.Attributes["latency"], Is.EqualTo(120));
        Assert.That(lag.Info.Attributes["latency"], Is.EqualTo(120));
        Assert.That(await proxy.GetToxicsAsync(), Is.Empty);
    }

    [Test]
    public async Task PartitionAsync_NothingPassesDuringIt_AndTrafficFlowsAfter()
    {
        var proxy = await ProxyAsync();
        Assert.That(await RoundTrip.PassesAsync(proxy.Endpoint), Is.True);

        var partition = proxy.PartitionAsync(TimeSpan.FromMilliseconds(3000));
        // The partition starts with an API call that runs on its own: give it a moment inside the 3 s window.
        await Task.Delay(500);
        var during = await RoundTrip.PassesAsync(proxy.Endpoint);
        await partition;

        Assert.That(during, Is.False);
        Assert.That(await RoundTrip.PassesAsync(proxy.Endpoint), Is.True);
    }

    [Test]
    public async Task FlapAsync_FiresTheScenarioFlapAndLeavesTheProxyUp()
    {
        var proxy = await ProxyAsync();

        var result = await proxy.FlapAsync(
            new FlapOptions
            {
                Period = TimeSpan.FromMilliseconds(600),
                Down = TimeSpan.FromMilliseconds(300),
                Duration = TimeSpan.FromMilliseconds(1500),
            }
        );

        Assert.That(result.Events.Select(e => e.Action), Is.EqualTo(new[] { "flap echo: down 300ms every 600ms" }));
        Assert.That(result.Phases[0].DurationMs, Is.InRange(1400, 2500));
        Assert.That(await RoundTrip.PassesAsync(proxy.Endpoint), Is.True);
    }

    [Test]
    public async Task AddToxicAsync_UnknownAttribute_SaysWhichExist()
    {
        var proxy = await ProxyAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            proxy.AddToxicAsync(new Toxic("latency", new Dictionary<string, long> { ["delay"] = 5 }))
        );

        Assert.That(error!.Message, Does.Contain("toxic latency has no attribute 'delay'").And.Contain("jitter"));
    }
}

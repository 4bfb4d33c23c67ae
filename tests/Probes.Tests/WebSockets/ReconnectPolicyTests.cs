using Harness.Probes.WebSockets;

namespace Probes.Tests.WebSockets;

public sealed class ReconnectPolicyTests
{
    private static readonly Uri Url = new("ws://127.0.0.1/");

    private static WebSocketProbeOptions Options(WebSocketReconnectOptions reconnect, int seed = 42) =>
        new("w", Url) { Reconnect = reconnect, Seed = seed };

    private static readonly WebSocketReconnectOptions Exponential = new()
    {
        Kind = WebSocketReconnectKind.Exponential,
        Delay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
    };

    private static List<TimeSpan> Delays(IReconnectPolicy policy, int attempts) =>
        [.. Enumerable.Range(1, attempts).Select(a => policy.NextDelay(a)!.Value)];

    [Test]
    public void Exponential_WithCap_DelaysWithinGrowingCeilingAndCap()
    {
        var delays = Delays(ReconnectPolicy.For(Options(Exponential), 0), 12);

        for (var attempt = 1; attempt <= delays.Count; attempt++)
        {
            var ceiling = TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, attempt - 1)));
            Assert.That(delays[attempt - 1], Is.InRange(TimeSpan.Zero, ceiling), $"attempt {attempt}");
        }
    }

    [Test]
    public void Exponential_ManyClientsSameAttempt_JitterSpreadsOverWholeWindow()
    {
        // Full jitter: 1,000 clients dropped at once pick delays across [0, ceiling], not bunched at one point.
        var delays = Enumerable
            .Range(0, 1000)
            .Select(c => ReconnectPolicy.For(Options(Exponential), c).NextDelay(5)!.Value.TotalMilliseconds)
            .ToList();

        Assert.That(delays.Distinct().Count(), Is.GreaterThan(990));
        Assert.That(delays.Min(), Is.LessThan(160));
        Assert.That(delays.Max(), Is.GreaterThan(1440));
        Assert.That(delays.Average(), Is.EqualTo(800).Within(80));
    }

    [Test]
    public void Exponential_SameSeed_SameDelays()
    {
        var first = Delays(ReconnectPolicy.For(Options(Exponential, seed: 7), 3), 10);
        var second = Delays(ReconnectPolicy.For(Options(Exponential, seed: 7), 3), 10);
        var otherSeed = Delays(ReconnectPolicy.For(Options(Exponential, seed: 8), 3), 10);
        var otherClient = Delays(ReconnectPolicy.For(Options(Exponential, seed: 7), 4), 10);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
        Assert.That(otherClient, Is.Not.EqualTo(first));
    }

    [Test]
    public void Exponential_HugeAttempt_CappedWithoutOverflow() =>
        Assert.That(ReconnectPolicy.For(Options(Exponential), 0).NextDelay(10_000), Is.InRange(TimeSpan.Zero, TimeSpan.FromSeconds(2)));

    [TestCase(WebSocketReconnectKind.Immediate, 0)]
    [TestCase(WebSocketReconnectKind.Fixed, 250)]
    public void FixedKinds_AnyAttempt_SameDelay(WebSocketReconnectKind kind, int ms)
    {
        var policy = ReconnectPolicy.For(Options(new WebSocketReconnectOptions { Kind = kind, Delay = TimeSpan.FromMilliseconds(250) }), 0);

        Assert.That(Delays(policy, 5), Is.All.EqualTo(TimeSpan.FromMilliseconds(ms)));
    }

    [Test]
    public void None_AnyAttempt_NeverReconnects() =>
        Assert.That(
            ReconnectPolicy.For(Options(new WebSocketReconnectOptions { Kind = WebSocketReconnectKind.None }), 0).NextDelay(1),
            Is.Null
        );

    [Test]
    public void MaxAttempts_Exceeded_GivesUp()
    {
        var policy = ReconnectPolicy.For(Options(Exponential with { MaxAttempts = 3 }), 0);

        Assert.That(policy.NextDelay(3), Is.Not.Null);
        Assert.That(policy.NextDelay(4), Is.Null);
    }

    [Test]
    public void LegacyReconnectDelay_NoReconnectOptions_FixedDelay() =>
        Assert.That(
            ReconnectPolicy.For(new WebSocketProbeOptions("w", Url) { ReconnectDelay = TimeSpan.FromSeconds(3) }, 0).NextDelay(9),
            Is.EqualTo(TimeSpan.FromSeconds(3))
        );

    [Test]
    public void ConnectRamp_Clients_OneSeededOffsetPerEqualSlot()
    {
        var offsets = ConnectRamp.Offsets(100, TimeSpan.FromSeconds(10), seed: 5);

        for (var i = 0; i < offsets.Length; i++)
            Assert.That(offsets[i], Is.InRange(TimeSpan.FromMilliseconds(100 * i), TimeSpan.FromMilliseconds(100 * (i + 1))));
        Assert.That(ConnectRamp.Offsets(100, TimeSpan.FromSeconds(10), seed: 5), Is.EqualTo(offsets));
        Assert.That(ConnectRamp.Offsets(3, TimeSpan.Zero, seed: 5), Is.All.EqualTo(TimeSpan.Zero));
    }
}

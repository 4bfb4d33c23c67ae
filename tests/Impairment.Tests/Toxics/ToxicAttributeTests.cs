using Harness.Impairment.Control;
using Harness.Impairment.Model;
using static Impairment.Tests.TestToxics;

namespace Impairment.Tests.Toxics;

/// <summary>Attribute validation (400 messages) and echo through the engine, on a disabled proxy: no sockets.</summary>
public sealed class ToxicAttributeTests
{
    private ImpairmentEngine _engine = null!;

    [SetUp]
    public void SetUp()
    {
        _engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = 1 });
        _engine.CreateProxy(new ProxySpec("p", "127.0.0.1:1", "127.0.0.1:0", Enabled: false));
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [TestCase("slicer", "average_size", 0, "slicer average_size must be at least 1 (got 0): 0 would slice forever")]
    [TestCase(
        "latency",
        "distribution",
        3,
        "latency distribution must be between 0 and 2 (got 3): 0 = uniform (Toxiproxy's), 1 = normal, 2 = paretonormal"
    )]
    [TestCase("loss", "probability", 101, "loss probability must be between 0 and 100 (got 101): a percentage")]
    [TestCase(
        "loss",
        "rto",
        100,
        "loss rto must be between 200 and 60000 (got 100): milliseconds; TCP's minimum retransmission timeout is 200"
    )]
    [TestCase(
        "loss",
        "probability_ppm",
        1_000_001,
        "loss probability_ppm must be between 0 and 1000000 (got 1000001): parts per million; 0 = use probability"
    )]
    [TestCase(
        "loss",
        "probability_ppm",
        -1,
        "loss probability_ppm must be between 0 and 1000000 (got -1): parts per million; 0 = use probability"
    )]
    [TestCase("loss", "segment_size", 0, "loss segment_size must be at least 1 (got 0)")]
    [TestCase("refuse", "rst", 2, "refuse rst must be between 0 and 1 (got 2): 1 = RST, 0 = FIN")]
    [TestCase("cut_after", "after", -5, "cut_after after must be at least 0 (got -5): milliseconds")]
    [TestCase("slow_open", "delay", -1, "slow_open delay must be at least 0 (got -1): milliseconds")]
    public async Task AddToxic_OutOfRangeAttribute_BadRequestNamingIt(string type, string attribute, long value, string message)
    {
        var result = await AddAsync(type, Attributes((attribute, value)));
        Assert.That(result.Error?.Kind, Is.EqualTo(ImpairmentErrorKind.BadRequest));
        Assert.That(result.Error?.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task AddToxic_SlicerNegativeVariation_BadRequest()
    {
        var result = await AddAsync("slicer", Attributes(("average_size", 10), ("size_variation", -1)));
        Assert.That(result.Error?.Message, Is.EqualTo("slicer size_variation must be at least 0 (got -1)"));
    }

    [Test]
    public async Task AddToxic_BurstWithoutWayBack_BadRequest()
    {
        var result = await AddAsync("loss", Attributes(("p_good_to_bad", 5), ("p_bad_to_good", 0)));
        Assert.That(result.Error?.Message, Does.StartWith("loss p_bad_to_good must be between 1 and 100"));
    }

    [Test]
    public async Task AddToxic_LatencyWithoutDistribution_EchoesOnlyToxiproxysAttributes()
    {
        var plain = await AddAsync("latency", Attributes(("latency", 100)));
        var normal = await AddAsync("latency", Attributes(("latency", 100), ("jitter", 10), ("distribution", 1)), "n");

        Assert.That(plain.Value!.Attributes.Select(a => a.Name), Is.EqualTo(new[] { "latency", "jitter" }));
        Assert.That(
            normal.Value!.Attributes.Select(a => (a.Name, a.Value)),
            Is.EqualTo(new[] { ("latency", 100L), ("jitter", 10L), ("distribution", 1L) })
        );
    }

    [Test]
    public async Task AddToxic_LossWithNoAttributes_EchoesTheDefaultsInForce()
    {
        var loss = await AddAsync("loss", null);
        Assert.That(
            loss.Value!.Attributes.Select(a => (a.Name, a.Value)),
            Is.EqualTo(
                new[]
                {
                    ("probability", 0L),
                    ("segment_size", 1460L),
                    ("rto", 200L),
                    ("p_good_to_bad", 0L),
                    ("p_bad_to_good", 25L),
                    ("loss_bad", 100L),
                }
            )
        );
    }

    [Test]
    public async Task AddToxic_LossWithProbabilityPpm_EchoesItLast()
    {
        var loss = await AddAsync("loss", Attributes(("probability_ppm", 2_000)));
        Assert.That(
            loss.Value!.Attributes.Select(a => (a.Name, a.Value)),
            Is.EqualTo(
                new[]
                {
                    ("probability", 0L),
                    ("segment_size", 1460L),
                    ("rto", 200L),
                    ("p_good_to_bad", 0L),
                    ("p_bad_to_good", 25L),
                    ("loss_bad", 100L),
                    ("probability_ppm", 2_000L),
                }
            )
        );
    }

    [Test]
    public async Task AddToxic_HugeLatencyAndJitter_AcceptedAndCapped()
    {
        var latency = await AddAsync("latency", Attributes(("latency", long.MaxValue), ("jitter", long.MaxValue)));
        Assert.That(latency.IsSuccess, Is.True, latency.Error?.Message);
        Assert.That(_engine.GetToxic("p", "latency_downstream").Value!.Attributes[0].Value, Is.EqualTo(long.MaxValue), "echoed as given");
    }

    [Test]
    public async Task UpdateToxic_SlicerAverageToZero_RejectedAndOldValueKept()
    {
        await AddAsync("slicer", Attributes(("average_size", 10)));
        var update = await _engine.UpdateToxicAsync(
            "p",
            "slicer_downstream",
            new ToxicPatch(ToxicAttributeInput.FromValues(Attributes(("average_size", 0))))
        );
        Assert.That(update.Error?.Kind, Is.EqualTo(ImpairmentErrorKind.BadRequest));
        Assert.That(_engine.GetToxic("p", "slicer_downstream").Value!.Attributes[0].Value, Is.EqualTo(10));
    }

    private Task<ImpairmentResult<ToxicState>> AddAsync(string type, Dictionary<string, long>? attributes, string? name = null) =>
        _engine.AddToxicAsync(
            "p",
            new ToxicSpec(type, name, Attributes: attributes is null ? null : ToxicAttributeInput.FromValues(attributes))
        );
}

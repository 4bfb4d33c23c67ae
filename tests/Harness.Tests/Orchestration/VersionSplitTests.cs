using Harness.Orchestration.GrayRelease;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>A split probe becomes one probe per version: hosts swapped, shares by weight, samples tagged.</summary>
public sealed class VersionSplitTests
{
    private static readonly VersionShare[] Shares = [new("A", "a.app.test", 3), new("B", "b.app.test", 1), new("C", "c.app.test", 0)];

    [Test]
    public void Specs_Http_SplitsTheRequestRateByWeight_AndLeavesOutZeroWeights()
    {
        var spec = new HttpProbeSpec(
            "join",
            new Uri("http://app.test:8080/join?x=1"),
            "GET",
            TimeSpan.FromMilliseconds(100),
            200,
            TimeSpan.FromSeconds(5)
        )
        {
            Split = Shares,
        };

        var parts = VersionSplit.Specs(spec, seed: 1);

        Assert.That(
            parts.Select(p => (p.Version, p.Spec.Url.ToString(), ((HttpProbeSpec)p.Spec).Every)),
            Is.EqualTo(
                new[]
                {
                    ("A", "http://a.app.test:8080/join?x=1", TimeSpan.FromMilliseconds(400.0 / 3)),
                    ("B", "http://b.app.test:8080/join?x=1", TimeSpan.FromMilliseconds(400)),
                }
            )
        );
        Assert.That(parts.Select(p => p.Spec.Split), Is.All.Null);
    }

    [Test]
    public void Specs_WebSocket_ApportionsClients_AllOfThem()
    {
        var spec = new WebSocketProbeSpec("room", new Uri("ws://app.test/ws"), 8, TimeSpan.FromSeconds(5), null, null, null)
        {
            Split = Shares,
        };

        var parts = VersionSplit.Specs(spec, seed: 1);

        Assert.That(parts.Select(p => (p.Version, ((WebSocketProbeSpec)p.Spec).Clients)), Is.EqualTo(new[] { ("A", 6), ("B", 2) }));
    }

    [TestCase(10, new[] { 1, 1, 1 }, 1)]
    [TestCase(10, new[] { 1, 1, 1 }, 2)]
    [TestCase(7, new[] { 5, 3, 2 }, 3)]
    [TestCase(2, new[] { 1, 1 }, 4)]
    public void Apportion_HandsOutExactlyTheCount_WithinOneOfTheExactShare(int count, int[] weights, int seed)
    {
        var result = VersionSplit.Apportion(count, weights, seed);

        Assert.That(result.Sum(), Is.EqualTo(count));
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (double)count * weights[i] / weights.Sum();
            Assert.That(result[i], Is.InRange(Math.Floor(exact), Math.Ceiling(exact)));
        }
        Assert.That(VersionSplit.Apportion(count, weights, seed), Is.EqualTo(result), "the same seed gives the same split");
    }

    [Test]
    public void Apportion_Ties_GoToDifferentVersionsForDifferentSeeds()
    {
        var winners = Enumerable.Range(0, 20).Select(seed => Array.IndexOf(VersionSplit.Apportion(1, [1, 1], seed), 1)).Distinct().ToList();

        Assert.That(winners, Is.EquivalentTo(new[] { 0, 1 }));
    }

    [Test]
    public async Task Probe_RunsEveryPartAtOnce_AndTagsTheirSamplesWithTheirVersion()
    {
        var sink = new ListSink();
        var probe = new VersionSplitProbe("join", [("A", new OneSample()), ("B", new OneSample())]);
        var context = new ProbeContext(sink, new FixedPhase(), TimeProvider.System, new HostRoutes([]));

        await probe.RunAsync(context, CancellationToken.None);

        Assert.That(sink.Samples.Select(s => s.Tags.Extra!["version"]), Is.EquivalentTo(new[] { "A", "B" }));
    }

    private sealed class OneSample : IProbe
    {
        public string Name => "join";

        public Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            context.Sink.Add(new Sample(MetricNames.HttpReqs, 1, DateTimeOffset.UnixEpoch, new SampleTags("join", "a")));
            return Task.CompletedTask;
        }
    }

    private sealed class ListSink : ISampleSink
    {
        private readonly List<Sample> _samples = [];

        public IReadOnlyList<Sample> Samples
        {
            get
            {
                lock (_samples)
                    return _samples.ToList();
            }
        }

        public void Add(in Sample sample)
        {
            lock (_samples)
                _samples.Add(sample);
        }
    }

    private sealed class FixedPhase : IPhaseSource
    {
        public string Current => "a";
    }
}

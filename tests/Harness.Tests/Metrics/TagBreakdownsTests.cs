using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

public sealed class TagBreakdownsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static Sample Step(string step, double ms, int second) =>
        new(
            MetricNames.BrowserStepDuration,
            ms,
            Start.AddSeconds(second),
            new SampleTags("join", "steady").With("step", step).With("role", "student")
        );

    [Test]
    public void Results_SamplesWithStepTags_SummariseEachStepApart()
    {
        var store = new MetricStore();
        for (var s = 0; s < 10; s++)
        {
            store.Add(Step("1", 100, s));
            store.Add(Step("2", 300, s));
        }

        var breakdown = store.Breakdowns.Results(
            "join",
            MetricNames.BrowserStepDuration,
            new Dictionary<string, TimeSpan> { ["steady"] = TimeSpan.FromSeconds(10) },
            TimeSpan.FromSeconds(10)
        );

        Assert.That(
            breakdown.Select(b => (b.Tag, b.Value)),
            Is.EqualTo(new[] { ("step", "1"), ("step", "2") }),
            "role has one value: nothing to break down"
        );
        Assert.That(breakdown[1].Phases["steady"].Med, Is.EqualTo(300).Within(3));
        Assert.That(breakdown[0].All.Samples, Is.EqualTo(10));
        Assert.That(breakdown[0].Timeline, Has.Count.EqualTo(10));
    }

    [Test]
    public void Results_TagWithMoreValuesThanTheCap_IsNotBrokenDown()
    {
        var store = new MetricStore();
        for (var client = 0; client <= TagBreakdowns.MaxValuesPerTag; client++)
        {
            var tags = new SampleTags("crowd", "steady").With("client", client.ToString(System.Globalization.CultureInfo.InvariantCulture));
            store.Add(new Sample(MetricNames.WsRtt, 10, Start, tags));
        }

        var breakdown = store.Breakdowns.Results("crowd", MetricNames.WsRtt, new Dictionary<string, TimeSpan>(), TimeSpan.FromSeconds(1));

        Assert.That(breakdown, Is.Empty);
    }
}

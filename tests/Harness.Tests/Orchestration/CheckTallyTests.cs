using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports.Model;

namespace Harness.Tests.Orchestration;

/// <summary>Named checks counted from the samples on their way to the store.</summary>
public sealed class CheckTallyTests
{
    private static SampleTags Tags(string probe, string? check) =>
        check is null ? new SampleTags(probe, "baseline") : new SampleTags(probe, "baseline").With("check", check);

    [Test]
    public void Add_SamplesAndLoadHistograms_CountPassesAndFailuresPerName()
    {
        var tally = new CheckTally();
        tally.Add(new Sample(MetricNames.Checks, 1, DateTimeOffset.UnixEpoch, Tags("api", "status is 200")));
        tally.Add(new Sample(MetricNames.Checks, 0, DateTimeOffset.UnixEpoch, Tags("api", "status is 200")));
        tally.Add(new Sample(MetricNames.HttpReqDuration, 0, DateTimeOffset.UnixEpoch, Tags("api", "status is 200")));
        tally.Add(new Sample(MetricNames.Checks, 0, DateTimeOffset.UnixEpoch, Tags("api", null)));
        var batch = new LogLinearHistogram();
        batch.Record(1, 7);
        batch.Record(0, 3);
        tally.Add(MetricNames.Checks, Tags("load", "body has rooms"), batch);

        Assert.That(tally.For("api"), Is.EqualTo(new[] { new CheckResult("status is 200", 1, 1) }));
        Assert.That(tally.For("load"), Is.EqualTo(new[] { new CheckResult("body has rooms", 7, 3) }));
    }

    [Test]
    public void Add_ManyNames_KeepsABoundedNumberPerProbe()
    {
        var tally = new CheckTally();
        for (var i = 0; i < CheckTally.MaxNamesPerProbe + 50; i++)
        {
            tally.Add(new Sample(MetricNames.Checks, 0, DateTimeOffset.UnixEpoch, Tags("api", $"check {i}")));
        }

        Assert.That(tally.For("api"), Has.Count.EqualTo(CheckTally.MaxNamesPerProbe));
    }
}

using Harness.Probes.Abstractions;

namespace Harness.Orchestration.GrayRelease;

/// <summary>Passes every sample (and histogram) on with a <c>version</c> tag naming the version that served it.</summary>
internal sealed class VersionTagSink(ISampleSink inner, string version) : ISampleSink, IHistogramSink
{
    public const string Tag = "version";

    public void Add(in Sample sample) => inner.Add(sample with { Tags = sample.Tags.With(Tag, version) });

    public void AddHistogram(string metric, SampleTags tags, DateTimeOffset timestamp, LogLinearHistogram histogram)
    {
        var tagged = tags.With(Tag, version);
        if (inner is IHistogramSink histograms)
            histograms.AddHistogram(metric, tagged, timestamp, histogram);
        else
            throw new InvalidOperationException("the sink behind a version split takes no histograms");
    }
}

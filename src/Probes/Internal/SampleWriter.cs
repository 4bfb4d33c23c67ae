using Harness.Probes.Abstractions;

namespace Harness.Probes.Internal;

/// <summary>Stamps samples with the probe's clock and sends them to the sink.</summary>
internal sealed class SampleWriter(ProbeContext context, string probe)
{
    public TimeProvider Time => context.Time;

    /// <summary>Tags for a measurement starting now: the phase is read once, at the start.</summary>
    public SampleTags TagsNow() => new(probe, context.Phase.Current);

    public void Add(string metric, double value, SampleTags tags) =>
        context.Sink.Add(new Sample(metric, value, context.Time.GetUtcNow(), tags));
}

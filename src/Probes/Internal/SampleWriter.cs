using Harness.Probes.Abstractions;

namespace Harness.Probes.Internal;

/// <summary>Stamps samples with the probe's clock and sends them to the sink.</summary>
/// <param name="extra">Tags every sample of this writer carries (role, client); null for none.</param>
internal sealed class SampleWriter(ProbeContext context, string probe, IReadOnlyDictionary<string, string>? extra = null)
{
    public TimeProvider Time => context.Time;

    public ProbeContext Context => context;

    /// <summary>Tags for a measurement starting now: the phase is read once, at the start.</summary>
    public SampleTags TagsNow() => new(probe, context.Phase.Current, extra);

    public void Add(string metric, double value, SampleTags tags) =>
        context.Sink.Add(new Sample(metric, value, context.Time.GetUtcNow(), tags));

    /// <summary>A writer for the same probe whose samples also carry <paramref name="key"/>=<paramref name="value"/>.</summary>
    public SampleWriter With(string key, string value)
    {
        var tags = extra is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(extra, StringComparer.Ordinal);
        tags[key] = value;
        return new SampleWriter(context, probe, tags);
    }
}

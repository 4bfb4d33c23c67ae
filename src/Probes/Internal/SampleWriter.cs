using Harness.Probes.Abstractions;

namespace Harness.Probes.Internal;

/// <summary>
/// Stamps samples with the probe's clock and sends them to the sink. Every sample carries probe, phase and a
/// <c>participant</c> tag (the probe's name unless the caller names one), so reports can group by who measured.
/// </summary>
/// <param name="extra">Tags every sample of this writer carries (participant, role, client); null for none.</param>
internal sealed class SampleWriter(ProbeContext context, string probe, IReadOnlyDictionary<string, string>? extra = null)
{
    private readonly IReadOnlyDictionary<string, string> _extra = WithParticipant(extra, probe);

    private static IReadOnlyDictionary<string, string> WithParticipant(IReadOnlyDictionary<string, string>? extra, string probe)
    {
        if (extra is not null && extra.ContainsKey(ParticipantTag))
            return extra;
        var tags = extra is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(extra, StringComparer.Ordinal);
        tags[ParticipantTag] = probe;
        return tags;
    }

    public const string ParticipantTag = "participant";

    /// <summary>The tag naming a failed exchange's class (refused, status_503, closed_4504...).</summary>
    public const string ErrorTag = "error";

    public TimeProvider Time => context.Time;

    public ProbeContext Context => context;

    /// <summary>Tags for a measurement starting now: the phase is read once, at the start.</summary>
    public SampleTags TagsNow() => new(probe, context.Phase.Current, _extra);

    public void Add(string metric, double value, SampleTags tags) =>
        context.Sink.Add(new Sample(metric, value, context.Time.GetUtcNow(), tags));

    /// <summary>Reports a failed exchange, counted by <paramref name="metric"/>, to the context's error sink (if any).</summary>
    public void Fail(string metric, string errorClass, string message, SampleTags tags) =>
        context.Errors?.Add(new ProbeError(metric, errorClass, FailureReason.Cut(message), context.Time.GetUtcNow(), tags));

    /// <summary>A writer for the same probe whose samples also carry <paramref name="key"/>=<paramref name="value"/>.</summary>
    public SampleWriter With(string key, string value)
    {
        var tags = new Dictionary<string, string>(_extra, StringComparer.Ordinal) { [key] = value };
        return new SampleWriter(context, probe, tags);
    }
}

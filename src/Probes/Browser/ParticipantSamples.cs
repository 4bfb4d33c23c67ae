using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.Browser;

/// <summary>Writes samples tagged with the participant's tags (name, role, client version, extras) and the current phase.</summary>
internal sealed class ParticipantSamples(SampleWriter writer, IReadOnlyDictionary<string, string> tags)
{
    public SampleTags TagsNow()
    {
        var now = writer.TagsNow();
        if (now.Extra is not { Count: > 0 } inherited)
            return now with { Extra = tags };
        var merged = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
            merged[key] = value;
        return now with { Extra = merged };
    }

    public void Add(string metric, double value, SampleTags? tags = null) => writer.Add(metric, value, tags ?? TagsNow());

    /// <summary>Reports a failed step or browser set-up with its class and message.</summary>
    public void Fail(string metric, string errorClass, string message, SampleTags tags) => writer.Fail(metric, errorClass, message, tags);
}

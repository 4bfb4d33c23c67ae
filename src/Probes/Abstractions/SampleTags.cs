namespace Harness.Probes.Abstractions;

/// <summary>
/// Tags every sample carries: the probe that took it and the phase that was active when it was taken.
/// <paramref name="Extra"/> holds further dimensions (status, close code, participant) and may be null.
/// </summary>
public sealed record SampleTags(string Probe, string Phase, IReadOnlyDictionary<string, string>? Extra = null)
{
    public SampleTags With(string key, string value)
    {
        var extra = Extra is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(Extra, StringComparer.Ordinal);
        extra[key] = value;
        return this with { Extra = extra };
    }
}

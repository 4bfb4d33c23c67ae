using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

internal static class SampleExtensions
{
    public static string? Tag(this Sample sample, string key) =>
        sample.Tags.Extra is { } extra && extra.TryGetValue(key, out var value) ? value : null;
}

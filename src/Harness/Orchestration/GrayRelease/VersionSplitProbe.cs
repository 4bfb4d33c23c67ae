using Harness.Probes.Abstractions;

namespace Harness.Orchestration.GrayRelease;

/// <summary>One probe per version, run at once; every sample tagged with the version it measured.</summary>
internal sealed class VersionSplitProbe(string name, IReadOnlyList<(string Version, IProbe Probe)> parts) : IProbe
{
    public string Name => name;

    public IReadOnlyList<(string Version, IProbe Probe)> Parts => parts;

    public Task RunAsync(ProbeContext context, CancellationToken cancellationToken) =>
        Task.WhenAll(
            parts.Select(p =>
                Task.Run(
                    () => p.Probe.RunAsync(context with { Sink = new VersionTagSink(context.Sink, p.Version) }, cancellationToken),
                    CancellationToken.None
                )
            )
        );
}

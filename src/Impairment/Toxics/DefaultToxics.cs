namespace Harness.Impairment.Toxics;

/// <summary>The composition root of toxic types: a new toxic is one file plus one line here.</summary>
internal static class DefaultToxics
{
    public static ToxicRegistry CreateRegistry() =>
        new ToxicRegistry()
            .Register(NoopToxic.Kind)
            .Register(LatencyToxic.Kind)
            .Register(BandwidthToxic.Kind)
            .Register(TimeoutToxic.Kind);
}

namespace Harness.Impairment.Toxics;

/// <summary>The composition root of toxic types: a new toxic is one file plus one line here.</summary>
internal static class DefaultToxics
{
    public static ToxicRegistry CreateRegistry() =>
        new ToxicRegistry()
            // Toxiproxy 2.12's types, same names, attributes and semantics (docs/toxiproxy-compatibility.md).
            .Register(NoopToxic.Kind)
            .Register(LatencyToxic.Kind)
            .Register(BandwidthToxic.Kind)
            .Register(TimeoutToxic.Kind)
            .Register(SlowCloseToxic.Kind)
            .Register(ResetPeerToxic.Kind)
            .Register(SlicerToxic.Kind)
            .Register(LimitDataToxic.Kind)
            // Ours (docs/toxics.md).
            .Register(LossToxic.Kind)
            .Register(RefuseToxic.Kind)
            .Register(HangToxic.Kind)
            .Register(SlowOpenToxic.Kind)
            .Register(CutAfterToxic.Kind);
}

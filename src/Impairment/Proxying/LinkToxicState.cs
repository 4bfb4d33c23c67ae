using Harness.Impairment.Decisions;
using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// What one link keeps per toxic across chain generations: its own seeded random source, the toxicity draw for the
/// toxic's current version and any per-link state. Untouched toxics keep their draw when a neighbour changes.
/// </summary>
internal sealed class LinkToxicState(Random random, object? state)
{
    private long _drawnVersion = -1;

    public Random Random { get; } = random;

    public object? State { get; } = state;

    public bool Enabled { get; private set; }

    public bool EnsureDrawn(ToxicInstance toxic)
    {
        if (_drawnVersion != toxic.Version)
        {
            _drawnVersion = toxic.Version;
            Enabled = Random.NextSingle() < toxic.Toxicity;
        }
        return Enabled;
    }

    public static LinkToxicState Create(ToxicInstance toxic, long linkSeed) =>
        new(new RecordingRandom((int)StableHash.Mix(linkSeed, toxic.Id)), (toxic.Toxic as IStatefulToxic)?.CreateState());
}

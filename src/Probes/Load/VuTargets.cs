namespace Harness.Probes.Load;

/// <summary>
/// The VU count a closed-model executor wants at each moment: constant, or stages interpolated linearly (k6's ramping-vus).
/// </summary>
internal sealed class VuTargets(int start, IReadOnlyList<LoadStage> stages)
{
    public static VuTargets For(ConstantVus c) => new(c.Vus, [new LoadStage(c.Duration, c.Vus)]);

    public static VuTargets For(RampingVus r) => new(r.StartVus, r.Stages);

    public TimeSpan Duration { get; } = TimeSpan.FromTicks(stages.Sum(s => s.Duration.Ticks));

    /// <summary>VUs wanted <paramref name="elapsed"/> after the start; 0 once the stages are over.</summary>
    public int At(TimeSpan elapsed)
    {
        var from = start;
        foreach (var stage in stages)
        {
            if (elapsed < stage.Duration)
                return (int)Math.Round(from + (stage.Target - from) * (elapsed / stage.Duration), MidpointRounding.AwayFromZero);
            elapsed -= stage.Duration;
            from = stage.Target;
        }
        return 0;
    }
}

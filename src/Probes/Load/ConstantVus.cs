using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>k6 <c>constant-vus</c>: <paramref name="Vus"/> VUs loop iterations back to back for <paramref name="Duration"/>.</summary>
public sealed record ConstantVus(int Vus, TimeSpan Duration) : LoadExecutor
{
    public override string Kind => "constant-vus";

    public override TimeSpan TotalDuration => Duration;

    internal override void Validate(OptionErrors errors)
    {
        errors.Require(Vus >= 1, $"{Kind}: Vus must be at least 1, got {Num(Vus)}");
        errors.Require(Duration > TimeSpan.Zero, $"{Kind}: Duration must be positive");
    }
}

/// <summary>
/// k6 <c>ramping-vus</c>: starts with <paramref name="StartVus"/> VUs and follows <paramref name="Stages"/>, each
/// moving the VU count linearly to its target. A VU that is ramped down finishes its current iteration first.
/// </summary>
public sealed record RampingVus(int StartVus, IReadOnlyList<LoadStage> Stages) : LoadExecutor
{
    public override string Kind => "ramping-vus";

    public override TimeSpan TotalDuration => TimeSpan.FromTicks(Stages?.Sum(s => s.Duration.Ticks) ?? 0);

    internal override void Validate(OptionErrors errors)
    {
        errors.Require(StartVus >= 0, $"{Kind}: StartVus must not be negative");
        ValidateStages(Stages, Kind, errors);
    }
}

using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>
/// k6 <c>constant-arrival-rate</c>: starts <paramref name="Rate"/> iterations per <paramref name="TimeUnit"/> for
/// <paramref name="Duration"/>, each on a free VU. Starts <paramref name="PreAllocatedVus"/> VUs and adds more up to
/// <paramref name="MaxVus"/> when all are busy; an iteration due while none is free is counted as dropped_iterations.
/// </summary>
public sealed record ConstantArrivalRate(int Rate, TimeSpan TimeUnit, TimeSpan Duration, int PreAllocatedVus, int MaxVus) : LoadExecutor
{
    public override string Kind => "constant-arrival-rate";

    public override TimeSpan TotalDuration => Duration;

    internal override void Validate(OptionErrors errors)
    {
        errors.Require(Rate >= 1, $"{Kind}: Rate must be at least 1, got {Num(Rate)}");
        errors.Require(TimeUnit > TimeSpan.Zero, $"{Kind}: TimeUnit must be positive");
        errors.Require(Duration > TimeSpan.Zero, $"{Kind}: Duration must be positive");
        ArrivalRateRules.Validate(Kind, PreAllocatedVus, MaxVus, errors);
    }
}

/// <summary>
/// k6 <c>ramping-arrival-rate</c>: starts at <paramref name="StartRate"/> iterations per <paramref name="TimeUnit"/> and
/// follows <paramref name="Stages"/>, each moving the rate linearly to its target; VUs as in <see cref="ConstantArrivalRate"/>.
/// </summary>
public sealed record RampingArrivalRate(int StartRate, TimeSpan TimeUnit, int PreAllocatedVus, int MaxVus, IReadOnlyList<LoadStage> Stages)
    : LoadExecutor
{
    public override string Kind => "ramping-arrival-rate";

    public override TimeSpan TotalDuration => TimeSpan.FromTicks(Stages?.Sum(s => s.Duration.Ticks) ?? 0);

    internal override void Validate(OptionErrors errors)
    {
        errors.Require(StartRate >= 0, $"{Kind}: StartRate must not be negative");
        errors.Require(TimeUnit > TimeSpan.Zero, $"{Kind}: TimeUnit must be positive");
        ArrivalRateRules.Validate(Kind, PreAllocatedVus, MaxVus, errors);
        ValidateStages(Stages, Kind, errors);
    }
}

internal static class ArrivalRateRules
{
    public static void Validate(string kind, int preAllocated, int max, OptionErrors errors)
    {
        errors.Require(preAllocated >= 0, $"{kind}: PreAllocatedVus must not be negative");
        errors.Require(max >= 1, $"{kind}: MaxVus must be at least 1");
        errors.Require(max >= preAllocated, $"{kind}: MaxVus must be at least PreAllocatedVus");
    }
}

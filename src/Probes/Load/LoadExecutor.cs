using Harness.Probes.Internal;

namespace Harness.Probes.Load;

/// <summary>
/// How a load probe schedules iterations: a closed set of shapes named as k6 names its executors
/// (<see cref="ConstantVus"/>, <see cref="RampingVus"/>, <see cref="ConstantArrivalRate"/>,
/// <see cref="RampingArrivalRate"/>). Closed-model shapes run a fixed number of looping VUs; open-model shapes
/// start iterations at a rate whatever the target's speed, and count those with no free VU as dropped.
/// </summary>
public abstract record LoadExecutor
{
    private protected LoadExecutor() { }

    /// <summary>The k6 executor name, for example <c>constant-arrival-rate</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>How long the executor starts iterations for (before the graceful stop).</summary>
    public abstract TimeSpan TotalDuration { get; }

    internal abstract void Validate(OptionErrors errors);

    private protected static void ValidateStages(IReadOnlyList<LoadStage>? stages, string kind, OptionErrors errors)
    {
        if (stages is not { Count: > 0 })
        {
            errors.Add($"{kind}: Stages must hold at least one stage");
            return;
        }
        for (var i = 0; i < stages.Count; i++)
        {
            errors.Require(stages[i].Duration >= TimeSpan.Zero, $"{kind}: Stages[{Num(i)}].Duration must not be negative");
            errors.Require(stages[i].Target >= 0, $"{kind}: Stages[{Num(i)}].Target must not be negative");
        }
        errors.Require(stages.Sum(s => s.Duration.Ticks) > 0, $"{kind}: Stages must last longer than zero");
    }

    private protected static string Num(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One k6 stage: move linearly from the previous target to <paramref name="Target"/> over <paramref name="Duration"/>.</summary>
/// <param name="Target">VUs for ramping-vus; iterations per time unit for ramping-arrival-rate.</param>
public sealed record LoadStage(TimeSpan Duration, int Target);

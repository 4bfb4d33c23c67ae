using Harness.Probes.Http;
using Harness.Probes.Internal;
using Harness.Probes.WebSockets;

namespace Harness.Probes.Load;

/// <summary>
/// A load probe: an executor that schedules iterations, and what one iteration does: one HTTP request
/// (<see cref="Http"/>) or one WebSocket session (<see cref="WebSocket"/>), exactly one of them.
/// </summary>
/// <param name="Name">The probe's name; every sample carries it.</param>
public sealed record LoadProbeOptions(string Name, LoadExecutor Executor)
{
    /// <summary>One request per iteration (its Name and Interval are ignored). Defaults to null.</summary>
    public HttpProbeOptions? Http { get; init; }

    /// <summary>
    /// One session per iteration, connecting once, never reconnecting (Name, Clients, RampDuration and reconnect settings are ignored).
    /// Defaults to null.
    /// </summary>
    public WebSocketProbeOptions? WebSocket { get; init; }

    /// <summary>How long a WebSocket iteration keeps its session open before closing it. Defaults to 5 s.</summary>
    public TimeSpan SessionDuration { get; init; } = LoadDefaults.SessionDuration;

    /// <summary>Stop after this many iterations in total, even before the executor's time is up; null (the default) for no limit.</summary>
    public long? Iterations { get; init; }

    /// <summary>
    /// Time in-flight iterations get to finish after the executor stops starting new ones; after it they are cut. Defaults to 30 s (k6's
    /// gracefulStop).
    /// </summary>
    public TimeSpan GracefulStop { get; init; } = LoadDefaults.GracefulStop;

    /// <summary>How often aggregated histograms and counters go to the sink. Defaults to 1 s.</summary>
    public TimeSpan FlushInterval { get; init; } = LoadDefaults.FlushInterval;

    /// <summary>Seeds every random draw, so a run repeats. Defaults to 0.</summary>
    public int Seed { get; init; }

    /// <summary>Every problem with these options, each naming the probe; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new OptionErrors($"load probe '{Name}'");
        errors.Require(!string.IsNullOrWhiteSpace(Name), "Name must not be empty");
        if (Executor is null)
            errors.Add("Executor is required");
        else
            Executor.Validate(errors);
        errors.Require((Http is null) != (WebSocket is null), "exactly one of Http and WebSocket must be set");
        errors.Require(Iterations is not { } n || n >= 1, "Iterations must be at least 1");
        errors.Require(GracefulStop >= TimeSpan.Zero, "GracefulStop must not be negative");
        errors.Require(SessionDuration > TimeSpan.Zero, "SessionDuration must be positive");
        errors.Require(FlushInterval > TimeSpan.Zero, "FlushInterval must be positive");
        Collect(errors, () => Http?.Validate());
        Collect(errors, () => WebSocket?.Validate());
        return errors.All;
    }

    internal void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
    }

    private static void Collect(OptionErrors errors, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            foreach (var line in ex.Message.Split(Environment.NewLine))
                errors.Add(line);
        }
    }
}

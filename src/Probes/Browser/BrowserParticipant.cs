using Harness.Probes.Abstractions;

namespace Harness.Probes.Browser;

/// <summary>
/// One user in the scenario (a teacher, a student) with its own browser context, network route and tags.
/// Participants of one probe run at the same time, so they can share a room.
/// </summary>
/// <param name="Name">Unique within the probe; tagged on every sample as "participant".</param>
public sealed record BrowserParticipant(string Name)
{
    /// <summary>Tagged as "role" when set.</summary>
    public string? Role { get; init; }

    /// <summary>Tagged as "client_version" when set.</summary>
    public string? ClientVersion { get; init; }

    /// <summary>Further tags for every sample of this participant.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Where this participant's host names go (its own proxy and network); null uses the probe context's routes.</summary>
    public HostRoutes? Routes { get; init; }

    /// <summary>Overrides <see cref="BrowserSettings.LaunchPrefix"/> (a network namespace of its own); null keeps it.</summary>
    public IReadOnlyList<string>? LaunchPrefix { get; init; }

    /// <summary>Overrides the probe's base URL for this participant.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>This participant's own steps; null runs the probe's steps.</summary>
    public IReadOnlyList<BrowserStep>? Steps { get; init; }

    /// <summary>Overrides the browser settings' viewport.</summary>
    public BrowserViewport? Viewport { get; init; }

    /// <summary>Overrides the browser's user agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Identical copies to run (named "Name-1", "Name-2", ...). Defaults to 1 (named just "Name").</summary>
    public int Count { get; init; } = 1;
}

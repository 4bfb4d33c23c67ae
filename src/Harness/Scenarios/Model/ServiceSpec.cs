namespace Harness.Scenarios.Model;

/// <summary>
/// A local process the scenario launches before anything else and stops afterwards. <c>${port}</c> in the
/// command, ready URL and environment expands to <see cref="Port"/> (or to a free port chosen at run time).
/// </summary>
public sealed record ServiceSpec(
    string Name,
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    int? Port,
    string? ReadyUrl,
    TimeSpan ReadyTimeout,
    IReadOnlyDictionary<string, string> Environment);

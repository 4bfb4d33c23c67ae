namespace Harness.Scenarios.Model;

/// <summary>
/// The system under test: relative probe URLs resolve against <see cref="BaseUrl"/>; only <see cref="AllowHosts"/> may be touched.
/// </summary>
public sealed record TargetSpec(Uri? BaseUrl, IReadOnlyList<string> AllowHosts);

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
    IReadOnlyDictionary<string, string> Environment
)
{
    /// <summary>The region the service runs in; probes in other regions reach it through a link with that round trip.</summary>
    public string? Region { get; init; }

    /// <summary>The host name probes use for this service (e.g. <c>eu.liveroom.test</c>).</summary>
    public string? Host { get; init; }

    /// <summary>The service ends on its own (a one-shot job): its exit before the run ends is not an error.</summary>
    public bool Exits { get; init; }

    /// <summary>Where services listen in proxy mode (packet mode: the server namespace's address).</summary>
    public const string LoopbackAddress = "127.0.0.1";

    /// <summary>Replaces <c>${service_address}</c> in a command argument, environment value or ready URL.</summary>
    public static string ExpandAddress(string text, string address) =>
        text.Replace("${service_address}", address, StringComparison.Ordinal);

    /// <summary>Replaces <c>${port}</c> in a command argument, environment value or ready URL.</summary>
    public static string ExpandPort(string text, int port) =>
        text.Replace("${port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

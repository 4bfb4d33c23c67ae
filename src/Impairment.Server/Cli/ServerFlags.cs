namespace Harness.Impairment.Server.Cli;

/// <summary>toxiproxy-server's flags after parsing, with its defaults. <see cref="Seed"/> null: not given.</summary>
internal sealed record ServerFlags
{
    public string Host { get; init; } = "localhost";

    /// <summary>A string, as in Go: it is only checked when the API binds.</summary>
    public string Port { get; init; } = "8474";

    public string Config { get; init; } = "";

    public long? Seed { get; init; }

    public bool ProxyMetrics { get; init; }

    public bool RuntimeMetrics { get; init; }

    public bool Version { get; init; }
}

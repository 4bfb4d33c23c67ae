using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server;

/// <summary>Settings of the Toxiproxy-compatible server; the same knobs as <c>toxiproxy-server</c>'s flags.</summary>
public sealed record ToxiproxyServerOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks an ephemeral port; read it back from <see cref="EmbeddedToxiproxy.ApiAddress"/>.</summary>
    public int Port { get; init; } = 8474;

    /// <summary>Seed for jitter, toxicity and other draws; null draws one at start. Unlike Toxiproxy 2.9+, honoured.</summary>
    public long? Seed { get; init; }

    /// <summary>-proxy-metrics: per-proxy byte counters on /metrics (live; UDP proxies only for now, see docs).</summary>
    public bool ProxyMetrics { get; init; }

    /// <summary>-runtime-metrics: process_* and dotnet_* families on /metrics. With neither flag /metrics is 404.</summary>
    public bool RuntimeMetrics { get; init; }

    /// <summary>A JSON file in the /populate format applied once before the API listens.</summary>
    public string? ConfigPath { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Null means no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
            throw new ArgumentException("Host must not be empty.", nameof(Host));
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Port),
                Port.ToString(CultureInfo.InvariantCulture),
                "Port must be between 0 and 65535."
            );
        }
        if (TimeProvider is null)
            throw new ArgumentException("TimeProvider must not be null.", nameof(TimeProvider));
        if (ConfigPath is { Length: 0 })
            throw new ArgumentException("ConfigPath must be null or a path.", nameof(ConfigPath));
    }
}

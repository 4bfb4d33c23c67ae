using System.Collections.Immutable;

namespace Harness.Scenarios.Model;

/// <summary>What an http probe sends besides its method and URL, and what it checks in the response besides the status.</summary>
public sealed record HttpRequestSpec
{
    /// <summary>Extra request headers, by name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Sent as <c>Authorization: Bearer …</c>; null for none.</summary>
    public string? BearerToken { get; init; }

    /// <summary>The request body as text; null sends none.</summary>
    public string? Body { get; init; }

    /// <summary>The body's media type.</summary>
    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>Checks on the body, JSON fields and headers; null for none.</summary>
    public Harness.Probes.Http.HttpExpectations? Expect { get; init; }
}

/// <summary>What a WebSocket probe's opening handshake sends besides its URL.</summary>
public sealed record WebSocketHandshakeSpec
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public IReadOnlyList<string> Subprotocols { get; init; } = [];

    /// <summary>Sent as <c>Authorization: Bearer …</c>; null for none.</summary>
    public string? BearerToken { get; init; }
}

/// <summary>A numeric field of received JSON messages (a dotted path) recorded as the metric <see cref="Metric"/>.</summary>
public sealed record WebSocketMetricField(string Metric, string Field);

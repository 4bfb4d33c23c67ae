namespace Harness.Toxiproxy.Client;

/// <summary>
/// A toxic to add. <see cref="Name"/> null lets the server name it <c>type_stream</c>. Attribute values are
/// Toxiproxy's wire integers; use the factory methods for typed construction.
/// </summary>
public sealed record ToxicDefinition(
    string Type,
    ToxicStream Stream,
    IReadOnlyDictionary<string, long> Attributes,
    string? Name = null,
    double Toxicity = 1.0
)
{
    public static ToxicDefinition Latency(
        TimeSpan latency,
        TimeSpan jitter = default,
        ToxicStream stream = ToxicStream.Downstream,
        string? name = null,
        double toxicity = 1.0
    ) =>
        new(
            "latency",
            stream,
            new Dictionary<string, long> { ["latency"] = (long)latency.TotalMilliseconds, ["jitter"] = (long)jitter.TotalMilliseconds },
            name,
            toxicity
        );
}

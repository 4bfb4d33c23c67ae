namespace Harness.Scenarios.Model;

/// <summary>Which way the impaired bytes flow: upstream = client to server, downstream = server to client.</summary>
public enum ToxicDirection
{
    Upstream,
    Downstream,
}

/// <summary>One impairment on one proxy and direction during a phase.</summary>
public sealed record ToxicSpec(string Proxy, string Name, ToxicDirection Stream, double Toxicity, ToxicAttributesSpec Attributes);

/// <summary>The typed settings of a toxic; one record per toxic type.</summary>
public abstract record ToxicAttributesSpec
{
    public abstract string Type { get; }
}

/// <summary>Delay every chunk by <see cref="Latency"/> plus a uniform draw in ±<see cref="Jitter"/>.</summary>
public sealed record LatencyAttributesSpec(TimeSpan Latency, TimeSpan Jitter) : ToxicAttributesSpec
{
    public override string Type => "latency";
}

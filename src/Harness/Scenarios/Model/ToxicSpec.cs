namespace Harness.Scenarios.Model;

/// <summary>Which way the impaired bytes flow: upstream = client to server, downstream = server to client.</summary>
public enum ToxicDirection
{
    Upstream,
    Downstream,
}

/// <summary>
/// One impairment on one proxy and direction during a phase. <see cref="Attributes"/> are already in
/// Toxiproxy's wire units (see <see cref="ToxicCatalog"/>): the scenario's strings stop at the loader.
/// </summary>
public sealed record ToxicSpec(
    string Proxy,
    string Name,
    string Type,
    ToxicDirection Stream,
    double Toxicity,
    IReadOnlyDictionary<string, long> Attributes
);

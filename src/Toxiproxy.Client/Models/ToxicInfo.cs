namespace Harness.Toxiproxy.Client;

/// <summary>A toxic as the server reports it; attributes are Toxiproxy's integers (milliseconds, KB/s, bytes).</summary>
public sealed record ToxicInfo(string Name, string Type, ToxicStream Stream, double Toxicity, IReadOnlyDictionary<string, long> Attributes);

namespace Harness.Toxiproxy.Client;

/// <summary>A partial toxic update: attributes present are merged over the current ones; null toxicity keeps it.</summary>
public sealed record ToxicUpdate(IReadOnlyDictionary<string, long>? Attributes = null, double? Toxicity = null);

namespace Harness.Impairment.Model;

/// <summary>The proxies applied, in input order, and the error that stopped processing (null on success).</summary>
public sealed record PopulateResult(IReadOnlyList<ProxyState> Proxies, ImpairmentError? Error);

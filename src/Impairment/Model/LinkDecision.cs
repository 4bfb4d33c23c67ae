namespace Harness.Impairment.Model;

/// <summary>
/// What one direction of one connection decided about one toxic: whether its toxicity draw applied the toxic, and
/// the first random values the link drew for it (the toxicity draw first, then jitter, loss or slicer draws).
/// <see cref="Connection"/> is the proxy's accept ordinal (1, 2, ...), the key the seed is derived from, so two
/// runs with the same seed agree on every entry they both have, whatever the timing.
/// </summary>
public sealed record LinkDecision(long Connection, string Stream, string Toxic, bool Applied, IReadOnlyList<double> Draws);

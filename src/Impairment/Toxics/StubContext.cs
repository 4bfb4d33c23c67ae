namespace Harness.Impairment.Toxics;

/// <summary>Per link and per toxic: clock, the toxic's own seeded random source and its per-link state.</summary>
internal sealed record StubContext(TimeProvider Time, Random Random, object? State, IConnectionControl Connection);

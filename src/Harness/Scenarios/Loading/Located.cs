namespace Harness.Scenarios.Loading;

/// <summary>A raw value from the file together with where it was written.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);

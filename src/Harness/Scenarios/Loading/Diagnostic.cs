namespace Harness.Scenarios.Loading;

/// <summary>One problem found while loading or validating a scenario.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

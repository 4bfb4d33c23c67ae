using System.Globalization;

namespace Harness.Scenarios.Loading;

/// <summary>A place in a scenario file, 1-based, printed as <c>file:line:col</c>.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");

    public SourceLocation Shift(int columns) => this with { Column = Column + columns };
}

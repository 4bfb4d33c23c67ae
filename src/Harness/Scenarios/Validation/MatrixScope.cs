using Harness.Scenarios.Matrix;

namespace Harness.Scenarios.Validation;

/// <summary>What a scenario file's matrix allows (every axis with every value it can take) and the cell being validated.</summary>
internal sealed record MatrixScope(IReadOnlyDictionary<string, IReadOnlyList<string>> Axes, MatrixCell? Cell)
{
    /// <summary>Every cell the matrix runs (after <c>exclude</c> and <c>include</c>); a <c>when</c> must select one of them.</summary>
    public IReadOnlyList<MatrixCell> Cells { get; init; } = [];

    public static MatrixScope From(MatrixPlan plan, MatrixCell? cell, IReadOnlyList<MatrixCell>? cells = null)
    {
        // include entries may bring values the axes do not list; they are cells too.
        var axes = plan.Axes.ToDictionary(
            a => a.Axis,
            a =>
                (IReadOnlyList<string>)
                    a
                        .Values.Concat(plan.Include.Select(i => i.GetValueOrDefault(a.Axis)).OfType<string>())
                        .Distinct(StringComparer.Ordinal)
                        .ToList(),
            StringComparer.Ordinal
        );
        return new MatrixScope(axes, cell) { Cells = cells ?? [] };
    }

    /// <summary>Whether some cell of the matrix has, for every axis of <paramref name="when"/>, one of its values.</summary>
    public bool SelectsAny(IReadOnlyDictionary<string, IReadOnlyList<string>> when) =>
        Cells.Any(c => (this with { Cell = c }).Selects(when));

    /// <summary>Whether the cell has, for every axis of <paramref name="when"/>, one of its values.</summary>
    public bool Selects(IReadOnlyDictionary<string, IReadOnlyList<string>> when) =>
        Cell is { } cell && when.All(w => cell.Values.Any(v => v.Key == w.Key && w.Value.Contains(v.Value, StringComparer.Ordinal)));
}

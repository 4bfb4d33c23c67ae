namespace Harness.Scenarios.Loading;

/// <summary>Collects every problem so a user sees all of them at once, in file order.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly List<Diagnostic> _warnings = [];

    public bool HasErrors => _items.Count > 0;

    public IReadOnlyList<Diagnostic> Items =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();

    public void Add(SourceLocation location, string message) => _items.Add(new Diagnostic(location, message));

    /// <summary>Things allowed but worth saying (an explicit opt-in to something risky); they never stop a run.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    public void Warn(SourceLocation location, string message) => _warnings.Add(new Diagnostic(location, message));
}

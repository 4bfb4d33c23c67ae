using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Testing;

/// <summary>Named profiles as scenarios resolve them (the same folder search, files and checks).</summary>
internal static class ProfileLookup
{
    public static NetworkProfile Find(string name, string? directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        directory = Path.GetFullPath(directory ?? Directory.GetCurrentDirectory());
        var diagnostics = new DiagnosticBag();
        var where = new SourceLocation($"profile '{name}'", 1, 1);
        var reference = new ProfileReference(where, new Located<string>(name, where), new Dictionary<string, Located<string>>());
        var profile = new ProfileResolver(directory, new ValueReader(diagnostics)).Resolve(reference);
        if (diagnostics.HasErrors || profile is null)
        {
            throw new ArgumentException(string.Join("; ", diagnostics.Items.Select(d => d.Message)), nameof(name));
        }
        return profile;
    }
}

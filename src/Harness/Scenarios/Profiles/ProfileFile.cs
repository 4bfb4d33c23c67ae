namespace Harness.Scenarios.Profiles;

/// <summary>One profile file's text and where it comes from: a path on disk, or null for a built-in.</summary>
internal sealed record ProfileFile(string Name, string? Path, string Text)
{
    public bool BuiltIn => Path is null;

    /// <summary>What diagnostics and listings call it: the path relative to the current folder, or <c>built-in:NAME.yaml</c>.</summary>
    public string Display => Path is null ? $"built-in:{Name}.yaml" : System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), Path);
}

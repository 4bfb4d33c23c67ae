namespace Harness.TestSupport;

/// <summary>Finds the repository root (the folder holding Harness.sln) from wherever the tests run.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Harness.sln not found above {AppContext.BaseDirectory}");
    }
}

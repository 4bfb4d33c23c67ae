namespace Harness.Probes.Bench.Infra;

internal static class Repo
{
    /// <summary>The repository root: the first parent of the bench binary that holds Harness.sln.</summary>
    public static string Root { get; } = Find();

    public static string LiveRoomDll => Path.Combine(Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }
}

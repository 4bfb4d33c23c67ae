namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// Removes what runs that are gone left behind: every namespace named <c>hp-ID-s</c> (or <c>hp-ID-c</c>, a client
/// namespace) whose owner file is
/// missing or names a process that no longer runs (a SIGKILLed harness cannot clean up; its TUN devices die
/// with it, its namespace does not). Namespaces of live runs are left alone.
/// </summary>
public static class LeftoverSweep
{
    /// <summary>The namespaces removed.</summary>
    public static IReadOnlyList<string> Run(string stateDirectory)
    {
        var removed = new List<string>();
        foreach (var ns in ListNamespaces())
        {
            if (PacketNames.IdOfNamespace(ns) is not { } id)
                continue;
            var names = new PacketNames(id);
            var ownerFile = Path.Combine(stateDirectory, names.OwnerFile);
            var owner = File.Exists(ownerFile) ? RunOwner.Parse(File.ReadAllText(ownerFile)) : null;
            if (owner is { IsAlive: true })
                continue;
            IpTool.TryRun("netns", "delete", ns);
            IpTool.TryRun("link", "delete", names.HostDevice);
            File.Delete(ownerFile);
            removed.Add(ns);
        }
        if (Directory.Exists(stateDirectory))
        {
            foreach (var file in Directory.GetFiles(stateDirectory, "hp-*"))
            {
                if (RunOwner.Parse(File.ReadAllText(file)) is not { IsAlive: true })
                    File.Delete(file);
            }
        }
        return removed;
    }

    /// <summary>The names of every network namespace <c>ip netns</c> knows.</summary>
    public static IReadOnlyList<string> ListNamespaces() =>
        IpTool
            .Run("netns", "list")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .ToList();
}

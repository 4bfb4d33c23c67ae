using Harness.Impairment.Packet.Namespaces;

namespace Impairment.Packet.Tests.Namespaces;

/// <summary>Skips a test, saying why, where packet networks cannot be built (not root, no TUN, no iproute2).</summary>
internal static class RootOnly
{
    public static void Require()
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
            Assert.Ignore($"packet mode unavailable here: {why}");
    }

    public static string Ip(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ip") { RedirectStandardOutput = true };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    public static bool NamespaceExists(string name) => Ip("netns", "list").Split('\n').Any(line => line.Split(' ')[0] == name);

    public static bool LinkExists(string name) => Ip("-o", "link", "show").Contains($": {name}:", StringComparison.Ordinal);
}

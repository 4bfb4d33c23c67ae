using System.Text.RegularExpressions;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// Names of one run's objects, all from a 6-hex-digit id: namespace <c>hp-ID-s</c>, TUN devices
/// <c>hpIDh</c> (harness side) and <c>hpIDs</c> (namespace side), owner file <c>hp-ID</c>.
/// </summary>
public sealed partial record PacketNames(string Id)
{
    public string Namespace => $"hp-{Id}-s";

    public string HostDevice => $"hp{Id}h";

    public string InnerDevice => $"hp{Id}s";

    public string OwnerFile => $"hp-{Id}";

    /// <summary>The run id in a namespace name of ours, or null for anybody else's namespace.</summary>
    public static string? IdOfNamespace(string name) => NamespacePattern().Match(name) is { Success: true } m ? m.Groups[1].Value : null;

    public static PacketNames NewRun() => new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)));

    [GeneratedRegex("^hp-([0-9a-f]{6})-s$")]
    private static partial Regex NamespacePattern();
}

using System.Text.RegularExpressions;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// Names of one run's objects, all from a 6-hex-digit id: namespace <c>hp-ID-s</c>, TUN devices
/// <c>hpIDh</c> (harness side) and <c>hpIDs</c> (namespace side) of the first link, <c>hpIDhN</c> and <c>hpIDsN</c> of
/// link N when the run has several, owner file <c>hp-ID</c>; when the run has a
/// client namespace, <c>hp-ID-c</c> with the client link's TUN devices <c>hpIDc</c> (in it) and <c>hpIDt</c>
/// (its end in the server namespace).
/// </summary>
public sealed partial record PacketNames(string Id)
{
    public string Namespace => $"hp-{Id}-s";

    public string HostDevice => $"hp{Id}h";

    public string InnerDevice => $"hp{Id}s";

    /// <summary>Link <paramref name="link"/>'s harness-side device: <c>hpIDh</c> for the first, <c>hpIDhN</c> for link N.</summary>
    public string HostDeviceOf(int link) => link == 0 ? HostDevice : $"{HostDevice}{link}";

    /// <summary>Link <paramref name="link"/>'s device in the server namespace: <c>hpIDs</c> for the first, <c>hpIDsN</c> for N.</summary>
    public string InnerDeviceOf(int link) => link == 0 ? InnerDevice : $"{InnerDevice}{link}";

    public string OwnerFile => $"hp-{Id}";

    /// <summary>The client namespace (browsers that have a network of their own).</summary>
    public string ClientNamespace => $"hp-{Id}-c";

    /// <summary>The client link's device inside the client namespace.</summary>
    public string ClientDevice => $"hp{Id}c";

    /// <summary>The client link's device inside the server namespace.</summary>
    public string ClientPeerDevice => $"hp{Id}t";

    /// <summary>The run id in a namespace name of ours (server or client), or null for anybody else's namespace.</summary>
    public static string? IdOfNamespace(string name) => NamespacePattern().Match(name) is { Success: true } m ? m.Groups[1].Value : null;

    public static PacketNames NewRun() => new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)));

    [GeneratedRegex("^hp-([0-9a-f]{6})-[sc]$")]
    private static partial Regex NamespacePattern();
}

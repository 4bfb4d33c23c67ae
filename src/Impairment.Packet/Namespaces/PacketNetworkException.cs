namespace Harness.Impairment.Packet.Namespaces;

/// <summary>The packet network could not be built or used (a failed <c>ip</c> command, a TUN device refused).</summary>
public class PacketNetworkException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>This process lacks what packet mode needs (privileges, <c>/dev/net/tun</c>, <c>ip</c>).</summary>
public sealed class PacketModeUnavailableException(string message) : PacketNetworkException(message);

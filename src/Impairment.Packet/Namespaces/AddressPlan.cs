using System.Net;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// A point-to-point pair inside 198.18.0.0/15 (RFC 2544's benchmarking range): the harness side is
/// <c>base+1</c>, the namespace side <c>base+2</c> of a /30 not in use on this host.
/// </summary>
public sealed record AddressPlan(IPAddress Host, IPAddress Inner)
{
    private const uint RangeStart = (198u << 24) | (18u << 16);
    private const int Blocks = 1 << 15; // /15 = 2^17 addresses = 2^15 blocks of 4

    /// <param name="besides">Pairs this run already took (not all visible in this namespace's addresses).</param>
    public static AddressPlan Choose(string runId, IReadOnlyCollection<AddressPlan>? besides = null)
    {
        var used = IpTool.Run("-o", "-4", "addr", "show");
        var first = (int)(Convert.ToUInt32(runId, 16) % (Blocks - 1)) + 1;
        for (var i = 0; i < Blocks - 1; i++)
        {
            var block = (first - 1 + i) % (Blocks - 1) + 1;
            var plan = Of(block);
            if (besides?.Contains(plan) == true)
                continue;
            if (!Mentions(used, plan.Host) && !Mentions(used, plan.Inner))
            {
                return plan;
            }
        }
        throw new PacketNetworkException("no free /30 left in 198.18.0.0/15");
    }

    /// <summary>Whether <c>ip -o addr show</c> lists the address (as "A/len" or as a peer "A ").</summary>
    private static bool Mentions(string used, IPAddress address) =>
        used.Contains($" {address}/", StringComparison.Ordinal) || used.Contains($" {address} ", StringComparison.Ordinal);

    private static AddressPlan Of(int block)
    {
        var network = RangeStart + (uint)block * 4;
        return new AddressPlan(Address(network + 1), Address(network + 2));
    }

    private static IPAddress Address(uint value) => new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}

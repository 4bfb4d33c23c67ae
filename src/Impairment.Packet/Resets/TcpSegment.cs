using System.Buffers.Binary;

namespace Harness.Impairment.Packet.Resets;

/// <summary>
/// The fields of an IPv4 TCP segment a flow table needs: addresses and ports, sequence and acknowledgement numbers,
/// flags and payload length. Anything else (IPv6, other protocols, fragments, truncated headers) does not parse.
/// </summary>
internal readonly record struct TcpSegment(
    uint Source,
    uint Destination,
    ushort SourcePort,
    ushort DestinationPort,
    uint Sequence,
    uint Acknowledgement,
    byte Flags,
    int PayloadLength
)
{
    public const byte Fin = 0x01;
    public const byte Syn = 0x02;
    public const byte Rst = 0x04;
    public const byte Ack = 0x10;
    private const byte TcpProtocol = 6;

    public bool Has(byte flag) => (Flags & flag) != 0;

    /// <summary>The sequence number after this segment: its payload, plus one each for SYN and FIN.</summary>
    public uint End => unchecked(Sequence + (uint)PayloadLength + (Has(Syn) ? 1u : 0u) + (Has(Fin) ? 1u : 0u));

    public static bool TryParse(ReadOnlySpan<byte> packet, out TcpSegment segment)
    {
        segment = default;
        if (packet.Length < 20 || packet[0] >> 4 != 4 || packet[9] != TcpProtocol)
            return false;
        var ipHeader = (packet[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]) & 0x1fff;
        if (ipHeader < 20 || fragmentOffset != 0 || total > packet.Length || total < ipHeader + 20)
            return false;
        var tcp = packet[ipHeader..total];
        var tcpHeader = (tcp[12] >> 4) * 4;
        if (tcpHeader < 20 || tcpHeader > tcp.Length)
            return false;
        segment = new TcpSegment(
            BinaryPrimitives.ReadUInt32BigEndian(packet[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
            BinaryPrimitives.ReadUInt16BigEndian(tcp),
            BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            tcp[13],
            tcp.Length - tcpHeader
        );
        return true;
    }

    /// <summary>True when <paramref name="a"/> comes after <paramref name="b"/> in sequence space (RFC 1982 arithmetic).</summary>
    public static bool After(uint a, uint b) => unchecked((int)(a - b)) > 0;
}

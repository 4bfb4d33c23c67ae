using System.Buffers.Binary;

namespace Harness.Impairment.Packet.Resets;

/// <summary>
/// Builds the 40-byte IPv4 + TCP segment a middlebox sends to reset a connection: RST (with ACK when an acknowledgement
/// number is given), no options, no payload, window 0, TTL 64, don't-fragment, both checksums filled in.
/// </summary>
internal static class ResetSegment
{
    public const int Length = 40;
    private const int IpHeader = 20;

    public static byte[] Build(uint source, ushort sourcePort, uint destination, ushort destinationPort, uint sequence, uint? ack)
    {
        var packet = new byte[Length];
        var ip = packet.AsSpan(0, IpHeader);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip, 0));
        var tcp = packet.AsSpan(IpHeader);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack ?? 0);
        tcp[12] = 5 << 4;
        tcp[13] = (byte)(TcpSegment.Rst | (ack is null ? 0 : TcpSegment.Ack));
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], TcpChecksum(packet));
        return packet;
    }

    /// <summary>The TCP checksum of an IPv4 packet's segment, over the pseudo-header (0 in the result means a valid one).</summary>
    public static ushort TcpChecksum(ReadOnlySpan<byte> packet)
    {
        var ipHeader = (packet[0] & 0x0f) * 4;
        var tcpLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) - ipHeader;
        uint pseudo = 6u + (uint)tcpLength;
        for (var i = 12; i < 20; i += 2)
            pseudo += BinaryPrimitives.ReadUInt16BigEndian(packet[i..]);
        return Checksum(packet.Slice(ipHeader, tcpLength), pseudo);
    }

    /// <summary>The Internet checksum (RFC 1071) of <paramref name="data"/> with <paramref name="sum"/> already added.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data, uint sum)
    {
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (i < data.Length)
            sum += (uint)data[i] << 8;
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}

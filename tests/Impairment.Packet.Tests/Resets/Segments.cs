using System.Buffers.Binary;
using System.Net;

namespace Impairment.Packet.Tests.Resets;

/// <summary>Hand-made IPv4 TCP segments for the flow table, and an independent checksum check (RFC 1071, summed in a long).</summary>
internal static class Segments
{
    public const byte Fin = 0x01,
        Syn = 0x02,
        Rst = 0x04,
        Ack = 0x10;
    public static readonly uint Client = Address("198.18.0.1");
    public static readonly uint Server = Address("198.18.0.2");

    public static uint Address(string text) => BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(text).GetAddressBytes());

    public static byte[] Tcp(uint from, ushort fromPort, uint to, ushort toPort, uint seq, uint ack, byte flags, int payload = 0)
    {
        var packet = new byte[40 + payload];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), from);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), to);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), fromPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), toPort);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(24), seq);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(28), ack);
        packet[32] = 5 << 4;
        packet[33] = flags;
        return packet;
    }

    /// <summary>A segment from the client (outer end, port 40000) to the server (port 8080).</summary>
    public static byte[] Up(uint seq, uint ack, byte flags, int payload = 0) => Tcp(Client, 40000, Server, 8080, seq, ack, flags, payload);

    /// <summary>A segment from the server back to the client.</summary>
    public static byte[] Down(uint seq, uint ack, byte flags, int payload = 0) =>
        Tcp(Server, 8080, Client, 40000, seq, ack, flags, payload);

    public static bool IpChecksumValid(byte[] packet) => Fold(Sum(packet.AsSpan(0, 20))) == 0xffff;

    public static bool TcpChecksumValid(byte[] packet)
    {
        var tcpLength = packet.Length - 20;
        long sum = Sum(packet.AsSpan(12, 8)) + 6 + tcpLength + Sum(packet.AsSpan(20));
        return Fold(sum) == 0xffff;
    }

    public static uint U32(byte[] packet, int at) => BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(at));

    public static ushort U16(byte[] packet, int at) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(at));

    private static long Sum(ReadOnlySpan<byte> data)
    {
        long sum = 0;
        for (var i = 0; i < data.Length; i += 2)
            sum += (data[i] << 8) + (i + 1 < data.Length ? data[i + 1] : 0);
        return sum;
    }

    private static long Fold(long sum)
    {
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        return sum;
    }
}

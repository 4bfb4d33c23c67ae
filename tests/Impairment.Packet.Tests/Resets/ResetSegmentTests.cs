using Harness.Impairment.Packet.Resets;
using static Impairment.Packet.Tests.Resets.Segments;

namespace Impairment.Packet.Tests.Resets;

public sealed class ResetSegmentTests
{
    [TestCase(1000u, 5001u)]
    [TestCase(0xfffffff0u, 0u)]
    [TestCase(0x8000_0001u, 0x7fff_ffffu)]
    public void Build_RstAck_FieldsAndBothChecksumsValid(uint seq, uint ack)
    {
        var packet = ResetSegment.Build(Client, 40000, Server, 8080, seq, ack);

        Assert.Multiple(() =>
        {
            Assert.That(packet, Has.Length.EqualTo(40));
            Assert.That(packet[0], Is.EqualTo(0x45), "IPv4, 20-byte header");
            Assert.That(U16(packet, 2), Is.EqualTo(40), "total length");
            Assert.That(packet[9], Is.EqualTo(6), "TCP");
            Assert.That(packet[8], Is.EqualTo(64), "TTL");
            Assert.That(U32(packet, 12), Is.EqualTo(Client));
            Assert.That(U32(packet, 16), Is.EqualTo(Server));
            Assert.That(U16(packet, 20), Is.EqualTo(40000));
            Assert.That(U16(packet, 22), Is.EqualTo(8080));
            Assert.That(U32(packet, 24), Is.EqualTo(seq));
            Assert.That(U32(packet, 28), Is.EqualTo(ack));
            Assert.That(packet[32] >> 4, Is.EqualTo(5), "TCP header of 20 bytes");
            Assert.That(packet[33], Is.EqualTo(Rst | Ack));
            Assert.That(IpChecksumValid(packet), Is.True, "IPv4 header checksum");
            Assert.That(TcpChecksumValid(packet), Is.True, "TCP checksum over the pseudo-header");
        });
    }

    [Test]
    public void Build_WithoutAck_IsBareRst_ChecksumValid()
    {
        var packet = ResetSegment.Build(Server, 8080, Client, 40000, 77, null);

        Assert.That(packet[33], Is.EqualTo(Rst));
        Assert.That(U32(packet, 28), Is.Zero);
        Assert.That(TcpChecksumValid(packet), Is.True);
        Assert.That(IpChecksumValid(packet), Is.True);
    }

    [Test]
    public void Parse_ReadsWhatWasBuilt_AndRefusesNonTcp()
    {
        Assert.That(TcpSegment.TryParse(Up(1000, 5001, Ack, payload: 100), out var segment), Is.True);
        Assert.That(segment.Sequence, Is.EqualTo(1000u));
        Assert.That(segment.End, Is.EqualTo(1100u));
        Assert.That(segment.PayloadLength, Is.EqualTo(100));

        var udp = Up(1, 1, 0);
        udp[9] = 17;
        Assert.That(TcpSegment.TryParse(udp, out _), Is.False);
        Assert.That(TcpSegment.TryParse(Up(1, 1, 0).AsSpan(0, 30), out _), Is.False, "truncated");
    }
}

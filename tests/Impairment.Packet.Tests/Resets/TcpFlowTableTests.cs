using Harness.Impairment.Packet.Resets;
using static Impairment.Packet.Tests.Resets.Segments;

namespace Impairment.Packet.Tests.Resets;

public sealed class TcpFlowTableTests
{
    private readonly TcpFlowTable _table = new();

    /// <summary>Client ISN 1000, server ISN 5000, 100 bytes up, acknowledged.</summary>
    private void Established()
    {
        _table.Observe(Up(1000, 0, Syn), fromOuter: true);
        _table.Observe(Down(5000, 1001, Syn | Ack), fromOuter: false);
        _table.Observe(Up(1001, 5001, Ack, payload: 100), fromOuter: true);
        _table.Observe(Down(5001, 1101, Ack), fromOuter: false);
    }

    [Test]
    public void Idle_EachEndGetsOneRst_WithTheSequenceItExpects_FromItsPeer()
    {
        Established();

        var forged = _table.ForgeResets();

        Assert.That(forged.Flows, Is.EqualTo(1));
        Assert.That(forged.ToInner, Has.Count.EqualTo(1));
        Assert.That(forged.ToOuter, Has.Count.EqualTo(1));
        var toServer = forged.ToInner[0];
        Assert.That(
            (U32(toServer, 12), U16(toServer, 20), U32(toServer, 16), U16(toServer, 22)),
            Is.EqualTo((Client, 40000, Server, 8080))
        );
        Assert.That((U32(toServer, 24), U32(toServer, 28)), Is.EqualTo((1101u, 5001u)), "seq: the server's next expected; ack: its next");
        var toClient = forged.ToOuter[0];
        Assert.That(
            (U32(toClient, 12), U16(toClient, 20), U32(toClient, 16), U16(toClient, 22)),
            Is.EqualTo((Server, 8080, Client, 40000))
        );
        Assert.That((U32(toClient, 24), U32(toClient, 28)), Is.EqualTo((5001u, 1101u)));
        Assert.That(forged.ToInner.Concat(forged.ToOuter).All(p => TcpChecksumValid(p) && IpChecksumValid(p)), Is.True);
    }

    [Test]
    public void DataNotYetAcknowledged_TheEndGetsBothCandidates_LastAcknowledgedFirst()
    {
        Established();
        _table.Observe(Up(1101, 5001, Ack, payload: 200), fromOuter: true);

        var toServer = _table.ForgeResets().ToInner;

        Assert.That(toServer.Select(p => U32(p, 24)), Is.EqualTo(new[] { 1101u, 1301u }));
    }

    [Test]
    public void RetransmissionOfOlderData_DoesNotMoveTheSequenceBack()
    {
        Established();
        _table.Observe(Up(1101, 5001, Ack, payload: 200), fromOuter: true);
        _table.Observe(Up(1101, 5001, Ack, payload: 100), fromOuter: true);
        _table.Observe(Down(5001, 1201, Ack), fromOuter: false);
        _table.Observe(Down(5001, 1101, Ack), fromOuter: false); // a reordered older ACK

        var toServer = _table.ForgeResets().ToInner;

        Assert.That(toServer.Select(p => U32(p, 24)), Is.EqualTo(new[] { 1201u, 1301u }));
    }

    [Test]
    public void SequenceWrapsPastZero_StillTheLatest()
    {
        _table.Observe(Up(0xffff_fff0, 0, Syn), fromOuter: true);
        _table.Observe(Down(7, 0xffff_fff1, Syn | Ack), fromOuter: false);
        _table.Observe(Up(0xffff_fff1, 8, Ack, payload: 40), fromOuter: true);
        _table.Observe(Down(8, 0x19, Ack), fromOuter: false);

        var forged = _table.ForgeResets();

        Assert.That(forged.ToInner.Select(p => U32(p, 24)), Is.EqualTo(new[] { 0x19u }));
        Assert.That(forged.ToOuter.Select(p => U32(p, 28)), Is.EqualTo(new[] { 0x19u }));
    }

    [Test]
    public void SynOnly_ClientGetsRstAckingItsSyn_ServerGetsRstAtItsSequence()
    {
        _table.Observe(Up(1000, 0, Syn), fromOuter: true);

        var forged = _table.ForgeResets();

        Assert.That(forged.ToOuter.Select(p => (U32(p, 28), p[33])), Is.EqualTo(new[] { (1001u, (byte)(Rst | Ack)) }).AsCollection);
        Assert.That(forged.ToInner.Select(p => (U32(p, 24), p[33])), Is.EqualTo(new[] { (1001u, Rst) }).AsCollection);
    }

    [Test]
    public void FinFromBothEnds_FlowForgotten_FinFromOne_StillLive()
    {
        Established();
        _table.Observe(Up(1101, 5001, Fin | Ack), fromOuter: true);
        Assert.That(_table.Count, Is.EqualTo(1), "half-closed: the server may still send");

        _table.Observe(Down(5001, 1102, Fin | Ack), fromOuter: false);

        Assert.That(_table.Count, Is.Zero);
        _table.Observe(Up(1102, 5002, Ack), fromOuter: true); // the last ACK does not bring it back
        Assert.That(_table.ForgeResets().Flows, Is.Zero);
    }

    [Test]
    public void RstFromEitherEnd_FlowForgotten()
    {
        Established();
        _table.Observe(Down(5001, 1101, Rst | Ack), fromOuter: false);

        Assert.That(_table.Count, Is.Zero);
        Assert.That(_table.ForgeResets().ToInner, Is.Empty);
    }

    [Test]
    public void ForgeResets_ForgetsTheFlows()
    {
        Established();
        _table.ForgeResets();

        Assert.That(_table.Count, Is.Zero);
        Assert.That(_table.ForgeResets().Flows, Is.Zero);
    }

    [Test]
    public void SegmentsOfAFlowNotSeenOpening_AreNotLearnt_NorIsUdp()
    {
        _table.Observe(Up(1001, 5001, Ack, payload: 10), fromOuter: true);
        var udp = Up(1, 1, Syn);
        udp[9] = 17;
        _table.Observe(udp, fromOuter: true);

        Assert.That(_table.Count, Is.Zero);
    }

    [Test]
    public void NewSynOnAKnownPair_StartsAfresh_ARetransmittedSynDoesNot()
    {
        Established();
        _table.Observe(Up(1000, 0, Syn), fromOuter: true); // retransmitted SYN of the same connection
        Assert.That(_table.ForgeResets().ToInner.Select(p => U32(p, 28)), Is.EqualTo(new[] { 5001u }), "the server's state kept");

        Established();
        _table.Observe(Up(9000, 0, Syn), fromOuter: true);
        var forged = _table.ForgeResets();
        Assert.That(forged.ToOuter.Select(p => U32(p, 28)), Is.EqualTo(new[] { 9001u }));
        Assert.That(forged.ToInner.Select(p => p[33]), Is.EqualTo(new[] { Rst }), "nothing known of the server's side yet");
    }

    [Test]
    public void Bounded_TheFlowSilentLongestIsForgottenFirst()
    {
        var table = new TcpFlowTable(capacity: 3);
        for (ushort port = 1; port <= 3; port++)
            table.Observe(Tcp(Client, port, Server, 8080, 100, 0, Syn), fromOuter: true);
        table.Observe(Tcp(Server, 8080, Client, 1, 500, 101, Syn | Ack), fromOuter: false); // port 1 is busy again

        for (ushort port = 4; port <= 5; port++)
            table.Observe(Tcp(Client, port, Server, 8080, 100, 0, Syn), fromOuter: true);

        Assert.That(table.Count, Is.EqualTo(3));
        var kept = table.ForgeResets().ToOuter.Select(p => U16(p, 22)).Order();
        Assert.That(kept, Is.EqualTo(new ushort[] { 1, 4, 5 }));
    }
}

namespace Harness.Impairment.Packet.Resets;

/// <summary>
/// The TCP connections crossing one link, learnt from the segments the forwarder writes to the far end: each flow (addresses and ports
/// of its two ends, the outer end being on the link's host-device side) remembers, per end, the sequence number after the
/// last segment it sent and the last acknowledgement number it sent. A flow starts with a SYN, ends with an RST or a FIN
/// from each end; at most <see cref="Capacity"/> are kept (the one silent longest is forgotten first).
/// <see cref="ForgeResets"/> turns every live flow into RST segments for both ends and forgets them. Thread-safe.
/// </summary>
internal sealed class TcpFlowTable(int capacity = TcpFlowTable.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;
    private readonly object _gate = new();
    private readonly Dictionary<FlowKey, Flow> _flows = [];
    private long _clock;

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_gate)
                return _flows.Count;
        }
    }

    /// <summary>Learns from one forwarded packet; <paramref name="fromOuter"/>: it left the outer end.</summary>
    public void Observe(ReadOnlySpan<byte> packet, bool fromOuter)
    {
        if (!TcpSegment.TryParse(packet, out var segment))
            return;
        var key = fromOuter
            ? new FlowKey(segment.Source, segment.SourcePort, segment.Destination, segment.DestinationPort)
            : new FlowKey(segment.Destination, segment.DestinationPort, segment.Source, segment.SourcePort);
        lock (_gate)
        {
            if (segment.Has(TcpSegment.Rst))
            {
                _flows.Remove(key);
                return;
            }
            var known = _flows.TryGetValue(key, out var flow);
            // A SYN with another initial sequence number on a known pair of ends opens a new connection there.
            var reopened = known && segment.Has(TcpSegment.Syn) && !segment.Has(TcpSegment.Ack) && flow!.Opening != segment.Sequence;
            if (!known || reopened)
            {
                if (!segment.Has(TcpSegment.Syn))
                    return; // a flow is learnt from its handshake; stray segments of forgotten ones are not
                flow = Add(key);
                flow.Opening = segment.Sequence;
            }
            flow!.Touched = ++_clock;
            var end = fromOuter ? flow.Outer : flow.Inner;
            end.Learn(segment);
            if (flow.Outer.Finished && flow.Inner.Finished)
                _flows.Remove(key);
        }
    }

    /// <summary>
    /// RST segments for both ends of every live flow, which are then forgotten. Each end gets one with the sequence number
    /// it last acknowledged and, when different, one with the sequence number after its peer's last segment (the exact
    /// one, its next expected, is accepted; the other at most draws a challenge ACK).
    /// </summary>
    public ForgedResets ForgeResets()
    {
        lock (_gate)
        {
            var toInner = new List<byte[]>();
            var toOuter = new List<byte[]>();
            foreach (var (key, flow) in _flows)
            {
                Forge(toInner, flow.Inner, flow.Outer, key.OuterAddress, key.OuterPort, key.InnerAddress, key.InnerPort);
                Forge(toOuter, flow.Outer, flow.Inner, key.InnerAddress, key.InnerPort, key.OuterAddress, key.OuterPort);
            }
            var flows = _flows.Count;
            _flows.Clear();
            return new ForgedResets(flows, toInner, toOuter);
        }
    }

    private static void Forge(List<byte[]> into, End target, End peer, uint from, ushort fromPort, uint to, ushort toPort)
    {
        uint? ack = target.HasSent ? target.Next : null;
        var sequences = new List<uint>(2);
        if (target.HasAcked)
            sequences.Add(target.Acked);
        if (peer.HasSent && !sequences.Contains(peer.Next))
            sequences.Add(peer.Next);
        if (sequences.Count == 0 && ack is not null)
            sequences.Add(0); // nothing heard from the peer yet (SYN sent): only the acknowledgement of the SYN counts
        foreach (var sequence in sequences)
            into.Add(ResetSegment.Build(from, fromPort, to, toPort, sequence, ack));
    }

    private Flow Add(FlowKey key)
    {
        if (!_flows.ContainsKey(key) && _flows.Count >= Capacity)
            _flows.Remove(_flows.MinBy(f => f.Value.Touched).Key);
        return _flows[key] = new Flow();
    }

    private readonly record struct FlowKey(uint OuterAddress, ushort OuterPort, uint InnerAddress, ushort InnerPort);

    private sealed class Flow
    {
        public End Outer { get; } = new();

        public End Inner { get; } = new();

        public long Touched { get; set; }

        /// <summary>The sequence number of the SYN that opened it.</summary>
        public uint Opening { get; set; }
    }

    /// <summary>One end of a flow, as its own segments show it.</summary>
    private sealed class End
    {
        public bool HasSent { get; private set; }

        /// <summary>The sequence number after the furthest segment this end sent (its next to send).</summary>
        public uint Next { get; private set; }

        public bool HasAcked { get; private set; }

        /// <summary>The last acknowledgement number this end sent (the peer's byte it expects next).</summary>
        public uint Acked { get; private set; }

        public bool Finished { get; private set; }

        public void Learn(TcpSegment segment)
        {
            if (!HasSent || TcpSegment.After(segment.End, Next))
                Next = segment.End;
            HasSent = true;
            if (segment.Has(TcpSegment.Ack) && (!HasAcked || !TcpSegment.After(Acked, segment.Acknowledgement)))
            {
                Acked = segment.Acknowledgement;
                HasAcked = true;
            }
            Finished |= segment.Has(TcpSegment.Fin);
        }
    }
}

/// <summary>What <see cref="TcpFlowTable.ForgeResets"/> made: the flows it ended and the segments for each side of the link.</summary>
internal sealed record ForgedResets(int Flows, IReadOnlyList<byte[]> ToInner, IReadOnlyList<byte[]> ToOuter);

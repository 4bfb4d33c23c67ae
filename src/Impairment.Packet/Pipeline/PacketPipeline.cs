namespace Harness.Impairment.Packet.Pipeline;

/// <summary>
/// One direction of a packet link: decides each packet's fate with the injected random source and holds
/// forwarded packets until their release time on the injected clock. <see cref="Offer"/> and
/// <see cref="TryTakeDue"/> may be called from different threads. The same seed and the same packet
/// arrival times give the same decisions: every packet consumes the same number of draws whatever the settings.
/// </summary>
public sealed class PacketPipeline
{
    private const int IpHeaderLength = 20;

    private readonly object _gate = new();
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly LossModel _loss = new();
    private readonly HeldQueue _held = new();
    private readonly Queue<TimeSpan> _rateQueue = new();
    private PacketImpairmentSettings _settings = PacketImpairmentSettings.None;
    private TimeSpan _linkFreeAt;
    private TimeSpan _lastRelease;
    private Tally _tally;

    public PacketPipeline(Random random, TimeProvider time)
    {
        _random = random;
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>The impairments applied to packets offered from now on (packets already held keep their times).</summary>
    public PacketImpairmentSettings Settings
    {
        get
        {
            lock (_gate)
                return _settings;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
                _settings = value;
        }
    }

    public PacketCounters Counters
    {
        get
        {
            lock (_gate)
                return _tally.Snapshot(_held.Count);
        }
    }

    /// <summary>Decides the packet's fate; a forwarded packet (and its duplicate) waits for <see cref="TryTakeDue"/>.</summary>
    public PacketVerdict Offer(ReadOnlySpan<byte> packet)
    {
        lock (_gate)
        {
            var decision = Decide(packet.Length);
            if (decision.Verdict.Fate == PacketFate.Forwarded)
                Hold(packet, decision);
            return decision.Verdict;
        }
    }

    /// <summary>
    /// Decides like <see cref="Offer"/> (the same draws, so the same decisions). A forwarded packet that is due at
    /// once with nothing held before it is not kept: it is corrupted in place if so decided and counted as
    /// forwarded, and the caller writes it (twice when duplicated). Any other forwarded packet is held.
    /// </summary>
    internal PassResult OfferOrPass(Span<byte> packet, out PacketVerdict verdict)
    {
        lock (_gate)
        {
            var decision = Decide(packet.Length);
            verdict = decision.Verdict;
            if (verdict.Fate != PacketFate.Forwarded)
                return PassResult.Dropped;
            if (decision.Release > decision.Now || _held.Count > 0)
                return Hold(packet, decision) ? PassResult.HeldFirst : PassResult.Held;
            if (verdict.Corrupted)
                FlipBit(packet, decision.CorruptAt);
            CountCopies(verdict);
            var copies = verdict.Duplicated ? 2 : 1;
            _tally.Forwarded += copies;
            _tally.BytesForwarded += copies * packet.Length;
            return PassResult.WriteNow;
        }
    }

    /// <summary>Counts one RST segment the link forged into this direction.</summary>
    internal void CountForgedReset()
    {
        lock (_gate)
            _tally.ResetsForged++;
    }

    /// <summary>Takes the next packet whose release time has come, in release order.</summary>
    public bool TryTakeDue(out byte[] packet)
    {
        if (!TryTakeDuePooled(out var held))
        {
            packet = [];
            return false;
        }
        packet = held.Span.ToArray();
        held.Return();
        return true;
    }

    /// <summary>Takes the next due packet in its pooled buffer; the caller returns the buffer when written.</summary>
    internal bool TryTakeDuePooled(out HeldPacket packet)
    {
        lock (_gate)
        {
            if (!_held.TryTakeDue(Now, out packet))
                return false;
            _tally.Forwarded++;
            _tally.BytesForwarded += packet.Length;
            return true;
        }
    }

    /// <summary>How long until the next held packet is due; null when none is held.</summary>
    public TimeSpan? UntilNextDue()
    {
        lock (_gate)
        {
            return _held.NextRelease is { } release ? Max(TimeSpan.Zero, release - Now) : null;
        }
    }

    /// <summary>Draws for one packet and decides its fate and release time (the caller holds the gate).</summary>
    private Decision Decide(int length)
    {
        var now = Now;
        var s = _settings;
        var lost = _loss.Lose(s, _random);
        var duplicate = _random.NextDouble() * 100 < s.DuplicatePercent;
        var corrupt = _random.NextDouble() * 100 < s.CorruptPercent;
        var corruptAt = _random.NextDouble();
        var jitter = (_random.NextDouble() * 2 - 1) * s.Jitter;
        _tally.Seen++;
        _tally.Bytes += length;
        if (s.Down || lost)
            return Drop(PacketFate.Lost, now);
        if (s.Mtu is { } mtu && length > mtu)
            return Drop(PacketFate.TooBig, now);
        if (!TryPassRate(s, length, now, out var departure))
            return Drop(PacketFate.QueueFull, now);
        var release = departure + Max(TimeSpan.Zero, s.Delay + jitter);
        if (release < _lastRelease)
        {
            if (s.Reorder)
                _tally.Reordered++;
            else
                release = _lastRelease;
        }
        _lastRelease = Max(_lastRelease, release);
        return new Decision(new PacketVerdict(PacketFate.Forwarded, release - now, duplicate, corrupt), release, now, corruptAt);
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private Decision Drop(PacketFate fate, TimeSpan now)
    {
        switch (fate)
        {
            case PacketFate.Lost:
                _tally.Dropped++;
                break;
            case PacketFate.TooBig:
                _tally.DroppedMtu++;
                break;
            default:
                _tally.DroppedQueue++;
                break;
        }
        return new Decision(new PacketVerdict(fate, TimeSpan.Zero, false, false), now, now, 0);
    }

    private bool TryPassRate(PacketImpairmentSettings s, int length, TimeSpan now, out TimeSpan departure)
    {
        departure = now;
        while (_rateQueue.TryPeek(out var leaves) && leaves <= now)
            _rateQueue.Dequeue();
        if (s.RateBytesPerSecond is not { } rate)
            return true;
        if (_rateQueue.Count >= s.QueueLimit)
            return false;
        departure = Max(now, _linkFreeAt) + TimeSpan.FromTicks(length * TimeSpan.TicksPerSecond / rate);
        _linkFreeAt = departure;
        _rateQueue.Enqueue(departure);
        return true;
    }

    /// <summary>Holds a copy (corrupted if so decided) and its duplicate; true when it is now the first to leave.</summary>
    private bool Hold(ReadOnlySpan<byte> packet, Decision decision)
    {
        var verdict = decision.Verdict;
        if (verdict.Corrupted)
        {
            var corrupted = packet.ToArray();
            FlipBit(corrupted, decision.CorruptAt);
            packet = corrupted;
        }
        var first = _held.Add(packet, decision.Release, verdict.Corrupted);
        if (verdict.Duplicated)
            _held.Add(packet, decision.Release, verdict.Corrupted);
        CountCopies(verdict);
        if (decision.Release > decision.Now)
        {
            _tally.Delayed++;
            _tally.AddedDelaySum += decision.Release - decision.Now;
        }
        _tally.MaxQueueDepth = Math.Max(_tally.MaxQueueDepth, _held.Count);
        return first;
    }

    private void CountCopies(PacketVerdict verdict)
    {
        if (verdict.Duplicated)
            _tally.Duplicated++;
        if (verdict.Corrupted)
            _tally.Corrupted++;
    }

    /// <summary>Flips one bit past the IP header when there is one (so the TCP/UDP checksum fails), else anywhere.</summary>
    private static void FlipBit(Span<byte> bytes, double where)
    {
        if (bytes.Length == 0)
            return;
        var from = bytes.Length > IpHeaderLength ? IpHeaderLength : 0;
        var bit = from * 8 + (int)(where * (bytes.Length - from) * 8);
        bit = Math.Min(bit, bytes.Length * 8 - 1);
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct Decision(PacketVerdict Verdict, TimeSpan Release, TimeSpan Now, double CorruptAt);

    private struct Tally
    {
        public long Seen,
            Bytes,
            Forwarded,
            BytesForwarded,
            Dropped,
            DroppedQueue,
            DroppedMtu;
        public long Duplicated,
            Corrupted,
            Reordered,
            Delayed,
            ResetsForged;
        public TimeSpan AddedDelaySum;
        public int MaxQueueDepth;

        public readonly PacketCounters Snapshot(int depth) =>
            new(
                Seen,
                Bytes,
                Forwarded,
                BytesForwarded,
                Dropped,
                DroppedQueue,
                DroppedMtu,
                Duplicated,
                Corrupted,
                Reordered,
                Delayed,
                AddedDelaySum,
                depth,
                MaxQueueDepth
            )
            {
                ResetsForged = ResetsForged,
            };
    }
}

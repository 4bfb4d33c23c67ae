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
    private readonly PriorityQueue<byte[], (TimeSpan Release, long Sequence)> _held = new();
    private readonly Queue<TimeSpan> _rateQueue = new();
    private PacketImpairmentSettings _settings = PacketImpairmentSettings.None;
    private TimeSpan _linkFreeAt;
    private TimeSpan _lastRelease;
    private long _sequence;
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
        get { lock (_gate) return _settings; }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate) _settings = value;
        }
    }

    public PacketCounters Counters
    {
        get { lock (_gate) return _tally.Snapshot(_held.Count); }
    }

    /// <summary>Decides the packet's fate; a forwarded packet (and its duplicate) waits for <see cref="TryTakeDue"/>.</summary>
    public PacketVerdict Offer(ReadOnlySpan<byte> packet)
    {
        lock (_gate)
        {
            var now = Now;
            var s = _settings;
            var lost = _loss.Lose(s, _random);
            var duplicate = _random.NextDouble() * 100 < s.DuplicatePercent;
            var corrupt = _random.NextDouble() * 100 < s.CorruptPercent;
            var corruptAt = _random.NextDouble();
            var jitter = (_random.NextDouble() * 2 - 1) * s.Jitter;
            _tally.Seen++;
            _tally.Bytes += packet.Length;
            if (s.Down || lost) return Drop(PacketFate.Lost);
            if (s.Mtu is { } mtu && packet.Length > mtu) return Drop(PacketFate.TooBig);
            if (!TryPassRate(s, packet.Length, now, out var departure)) return Drop(PacketFate.QueueFull);
            var release = departure + Max(TimeSpan.Zero, s.Delay + jitter);
            if (release < _lastRelease)
            {
                if (s.Reorder) _tally.Reordered++;
                else release = _lastRelease;
            }
            _lastRelease = Max(_lastRelease, release);
            var bytes = packet.ToArray();
            if (corrupt) FlipBit(bytes, corruptAt);
            Hold(bytes, release, now, duplicate, corrupt);
            return new PacketVerdict(PacketFate.Forwarded, release - now, duplicate, corrupt);
        }
    }

    /// <summary>Takes the next packet whose release time has come, in release order.</summary>
    public bool TryTakeDue(out byte[] packet)
    {
        lock (_gate)
        {
            if (_held.TryPeek(out var next, out var key) && key.Release <= Now)
            {
                _held.Dequeue();
                _tally.Forwarded++;
                _tally.BytesForwarded += next.Length;
                packet = next;
                return true;
            }
            packet = [];
            return false;
        }
    }

    /// <summary>How long until the next held packet is due; null when none is held.</summary>
    public TimeSpan? UntilNextDue()
    {
        lock (_gate)
        {
            return _held.TryPeek(out _, out var key) ? Max(TimeSpan.Zero, key.Release - Now) : null;
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private PacketVerdict Drop(PacketFate fate)
    {
        switch (fate)
        {
            case PacketFate.Lost: _tally.Dropped++; break;
            case PacketFate.TooBig: _tally.DroppedMtu++; break;
            default: _tally.DroppedQueue++; break;
        }
        return new PacketVerdict(fate, TimeSpan.Zero, false, false);
    }

    private bool TryPassRate(PacketImpairmentSettings s, int length, TimeSpan now, out TimeSpan departure)
    {
        departure = now;
        while (_rateQueue.TryPeek(out var leaves) && leaves <= now) _rateQueue.Dequeue();
        if (s.RateBytesPerSecond is not { } rate) return true;
        if (_rateQueue.Count >= s.QueueLimit) return false;
        departure = Max(now, _linkFreeAt) + TimeSpan.FromTicks(length * TimeSpan.TicksPerSecond / rate);
        _linkFreeAt = departure;
        _rateQueue.Enqueue(departure);
        return true;
    }

    private void Hold(byte[] bytes, TimeSpan release, TimeSpan now, bool duplicate, bool corrupt)
    {
        _held.Enqueue(bytes, (release, _sequence++));
        if (duplicate)
        {
            _held.Enqueue((byte[])bytes.Clone(), (release, _sequence++));
            _tally.Duplicated++;
        }
        if (corrupt) _tally.Corrupted++;
        if (release > now)
        {
            _tally.Delayed++;
            _tally.AddedDelaySum += release - now;
        }
        _tally.MaxQueueDepth = Math.Max(_tally.MaxQueueDepth, _held.Count);
    }

    /// <summary>Flips one bit past the IP header when there is one (so the TCP/UDP checksum fails), else anywhere.</summary>
    private static void FlipBit(byte[] bytes, double where)
    {
        if (bytes.Length == 0) return;
        var from = bytes.Length > IpHeaderLength ? IpHeaderLength : 0;
        var bit = from * 8 + (int)(where * (bytes.Length - from) * 8);
        bit = Math.Min(bit, bytes.Length * 8 - 1);
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private struct Tally
    {
        public long Seen, Bytes, Forwarded, BytesForwarded, Dropped, DroppedQueue, DroppedMtu;
        public long Duplicated, Corrupted, Reordered, Delayed;
        public TimeSpan AddedDelaySum;
        public int MaxQueueDepth;

        public readonly PacketCounters Snapshot(int depth) => new(
            Seen, Bytes, Forwarded, BytesForwarded, Dropped, DroppedQueue, DroppedMtu,
            Duplicated, Corrupted, Reordered, Delayed, AddedDelaySum, depth, MaxQueueDepth);
    }
}

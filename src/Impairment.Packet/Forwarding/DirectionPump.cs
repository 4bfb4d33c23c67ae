using Harness.Impairment.Packet.Pipeline;
using Harness.Impairment.Packet.Resets;

namespace Harness.Impairment.Packet.Forwarding;

/// <summary>
/// Moves packets one way between two TUN devices through a <see cref="PacketPipeline"/>: a reader thread
/// offers each packet and writes it straight from its buffer when it is due at once with nothing held (the
/// unimpaired case), else whatever is due; a release thread writes held packets when their time comes.
/// Writes happen under one lock so packets leave in release order.
/// </summary>
internal sealed class DirectionPump : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly TunDevice _from;
    private readonly TunDevice _to;
    private readonly PacketPipeline _pipeline;
    private readonly TcpFlowTable _flows;
    private readonly bool _fromOuter;
    private readonly object _release = new();
    private readonly Thread _reader;
    private readonly Thread _releaser;
    private volatile bool _stopping;
    private long _writeFailures;

    public DirectionPump(string name, TunDevice from, TunDevice to, PacketPipeline pipeline, TcpFlowTable flows, bool fromOuter)
    {
        _from = from;
        _to = to;
        _pipeline = pipeline;
        _flows = flows;
        _fromOuter = fromOuter;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"packet-read-{name}" };
        _releaser = new Thread(ReleaseLoop) { IsBackground = true, Name = $"packet-release-{name}" };
    }

    public PacketPipeline Pipeline => _pipeline;

    /// <summary>Packets the kernel refused on the far device (counted, not retried).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    public void Start()
    {
        _reader.Start();
        _releaser.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        lock (_release)
            Monitor.PulseAll(_release);
        _reader.Join();
        _releaser.Join();
    }

    /// <summary>Writes forged segments (resets) to the far device at once, past the impairments, counted apart.</summary>
    public void Inject(IReadOnlyList<byte[]> packets)
    {
        lock (_release)
        {
            foreach (var packet in packets)
            {
                Write(packet);
                _pipeline.CountForgedReset();
            }
        }
    }

    private void ReadLoop()
    {
        var buffer = new byte[PacketDefaults.MaximumMtu];
        while (!_stopping)
        {
            if (!_from.WaitReadable(PollInterval))
                continue;
            int length;
            while (!_stopping && (length = _from.Read(buffer)) > 0)
                Forward(buffer.AsSpan(0, length));
        }
    }

    /// <summary>
    /// A packet due at once with nothing held before it leaves from the read buffer (no copy, no hand-over);
    /// a held one wakes the release thread only when it became the first to leave.
    /// </summary>
    private void Forward(Span<byte> packet)
    {
        lock (_release)
        {
            switch (_pipeline.OfferOrPass(packet, out var verdict))
            {
                case PassResult.WriteNow:
                    Deliver(packet, verdict.Corrupted);
                    if (verdict.Duplicated)
                        Write(packet);
                    break;
                case PassResult.HeldFirst:
                    WriteDue();
                    Monitor.Pulse(_release);
                    break;
                case PassResult.Held:
                    WriteDue();
                    break;
            }
        }
    }

    private void ReleaseLoop()
    {
        lock (_release)
        {
            while (!_stopping)
            {
                WriteDue();
                var wait = _pipeline.UntilNextDue();
                if (wait is null)
                    Monitor.Wait(_release, PollInterval);
                else if (wait.Value >= TimeSpan.FromMilliseconds(1))
                    Monitor.Wait(_release, wait.Value);
                else
                {
                    Monitor.Exit(_release);
                    Thread.Yield();
                    Monitor.Enter(_release);
                }
            }
        }
    }

    private void WriteDue()
    {
        while (_pipeline.TryTakeDuePooled(out var packet))
        {
            Deliver(packet.Span, packet.Corrupted);
            packet.Return();
        }
    }

    /// <summary>
    /// Lets the flow table learn from a packet (unless corrupted, which the receiver would drop), then writes it. The
    /// table learns first: the write runs the receiving kernel's TCP on this thread, so an application can read the
    /// segment, and ask for a reset, before a write-then-learn order had recorded it; the reset would then carry a
    /// sequence number the receiver has passed, and be ignored. A write the kernel refuses (rare) leaves the table a
    /// segment ahead; the reset's other sequence number (what that end last acknowledged) still covers it.
    /// </summary>
    private void Deliver(ReadOnlySpan<byte> packet, bool corrupted)
    {
        if (!corrupted)
            _flows.Observe(packet, _fromOuter);
        Write(packet);
    }

    private bool Write(ReadOnlySpan<byte> packet)
    {
        if (_to.Write(packet))
            return true;
        Interlocked.Increment(ref _writeFailures);
        return false;
    }
}

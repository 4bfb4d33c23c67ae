using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Forwarding;

/// <summary>
/// Moves packets one way between two TUN devices through a <see cref="PacketPipeline"/>: a reader thread
/// offers each packet and writes whatever is due at once; a release thread writes held packets when their
/// time comes. Writes happen under one lock so packets leave in release order.
/// </summary>
internal sealed class DirectionPump : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly TunDevice _from;
    private readonly TunDevice _to;
    private readonly PacketPipeline _pipeline;
    private readonly object _release = new();
    private readonly Thread _reader;
    private readonly Thread _releaser;
    private volatile bool _stopping;
    private long _writeFailures;

    public DirectionPump(string name, TunDevice from, TunDevice to, PacketPipeline pipeline)
    {
        _from = from;
        _to = to;
        _pipeline = pipeline;
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
        lock (_release) Monitor.PulseAll(_release);
        _reader.Join();
        _releaser.Join();
    }

    private void ReadLoop()
    {
        var buffer = new byte[PacketDefaults.MaximumMtu];
        while (!_stopping)
        {
            if (!_from.WaitReadable(PollInterval)) continue;
            int length;
            while (!_stopping && (length = _from.Read(buffer)) > 0)
            {
                var verdict = _pipeline.Offer(buffer.AsSpan(0, length));
                if (verdict.Fate != PacketFate.Forwarded) continue;
                lock (_release)
                {
                    WriteDue();
                    Monitor.Pulse(_release);
                }
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
                if (wait is null) Monitor.Wait(_release, PollInterval);
                else if (wait.Value >= TimeSpan.FromMilliseconds(1)) Monitor.Wait(_release, wait.Value);
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
        while (_pipeline.TryTakeDue(out var packet))
        {
            if (!_to.Write(packet)) Interlocked.Increment(ref _writeFailures);
        }
    }
}

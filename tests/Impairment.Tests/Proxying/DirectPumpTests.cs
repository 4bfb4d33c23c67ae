using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Harness.Impairment.Metering;
using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;

namespace Impairment.Tests.Proxying;

/// <summary>
/// The reader's two-buffer direct path (<see cref="DirectPump"/>) against a destination that drains slowly, so a full
/// read's send is still under way on the thread pool when the reader moves on: nothing else may use the destination
/// (the chain after a toxic is published, the writer's close after the source ends) before that send is out.
/// Checked with the link's counters at the moment the head sees something, not with timing.
/// </summary>
public sealed class DirectPumpTests
{
    private const int Size = 256 * 1024;

    [Test]
    public async Task SourceEnds_HeadCompletesOnlyAfterTheLastDirectSendIsOut()
    {
        await using var rig = await Rig.StartAsync();
        var drained = rig.DrainSlowlyAsync();
        await rig.Source.SendAsync(new byte[Size], SocketFlags.None, rig.Abort);
        rig.Source.Shutdown(SocketShutdown.Send);

        // The writer closes the destination once the head ends: every byte must have been sent by then.
        var head = await rig.Chain;
        Assert.That(head.SentAtEnd, Is.EqualTo(Size), "bytes sent when the head completed");
        Assert.That(await drained, Is.EqualTo(Size), "bytes the destination received");
        Assert.That(await rig.Reader, Is.EqualTo(CopyResult.EndOfStream));
    }

    [Test]
    public async Task ToxicPublishedMidStream_FirstChunkEntersTheChainOnlyAfterEveryDirectByteIsSent()
    {
        await using var rig = await Rig.StartAsync();
        var data = Counter(Size + 1000);
        var drained = rig.DrainSlowlyAsync();
        await rig.Source.SendAsync(data.AsMemory(0, Size), SocketFlags.None, rig.Abort);
        await Task.Delay(5, rig.Abort);
        rig.Path.Publish(new ToxicChain([TestToxics.Latency(1)]));
        await rig.Source.SendAsync(data.AsMemory(Size), SocketFlags.None, rig.Abort);

        rig.Source.Shutdown(SocketShutdown.Send);

        var head = await rig.Chain;
        var direct = rig.Path.DirectBytes;
        Assert.That(head.First, Is.Not.Null, "a chunk entered the chain");
        Assert.That(head.SentAtFirst, Is.EqualTo(direct), "bytes sent when the first chunk entered the chain (the direct total)");
        Assert.That(head.First!.Value.Data.Span[0], Is.EqualTo(data[direct]), "the first chunk follows the last direct byte");
        Assert.That(await drained, Is.EqualTo(direct));
    }

    private static byte[] Counter(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
            data[i] = (byte)(i % 251);
        return data;
    }

    /// <summary>A source socket pair read by <see cref="SocketPumps.ReadAsync"/>, a destination with small buffers.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly List<Socket> _sockets;
        private readonly Socket _peer;
        private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

        private Rig(List<Socket> sockets, Socket peer, DirectPath path, TrafficMeter.Counter traffic)
        {
            (_sockets, _peer, Path, Traffic) = (sockets, peer, path, traffic);
            Source = sockets[0];
        }

        public Socket Source { get; }

        public DirectPath Path { get; }

        public TrafficMeter.Counter Traffic { get; }

        public Channel<StreamChunk> Head { get; } = LinkSetup.CreateQueue(LinkSetup.DefaultQueueCapacity);

        public Task<CopyResult> Reader { get; private set; } = Task.FromResult(CopyResult.Failed);

        /// <summary>What the chain saw: its first data chunk and the bytes sent then, and the bytes sent at its end.</summary>
        public Task<(StreamChunk? First, long SentAtFirst, long SentAtEnd)> Chain { get; private set; } =
            Task.FromResult<(StreamChunk?, long, long)>((null, 0, 0));

        public CancellationToken Abort => _timeout.Token;

        public static async Task<Rig> StartAsync()
        {
            var (source, sourceEnd) = await PairAsync(small: false);
            var (destination, peer) = await PairAsync(small: true);
            var traffic = new TrafficMeter().For("p", "downstream", "l", "u");
            var path = new DirectPath(destination, traffic, null, () => { }, chainEmpty: true);
            var rig = new Rig([source, sourceEnd, destination, peer], peer, path, traffic);
            rig.Reader = SocketPumps.ReadAsync(sourceEnd, rig.Head.Writer, TimeProvider.System, traffic, rig.Abort, direct: path);
            rig.Chain = rig.ConsumeHeadAsync();
            return rig;
        }

        // Stands in for the chain and its writer: passes barriers (the reader's way back) and notes what arrives.
        private async Task<(StreamChunk? First, long SentAtFirst, long SentAtEnd)> ConsumeHeadAsync()
        {
            (StreamChunk? First, long SentAtFirst) seen = (null, 0);
            while (await Head.Reader.WaitToReadAsync(Abort))
            {
                while (Head.Reader.TryRead(out var chunk))
                {
                    if (ChunkBarrier.IsBarrier(chunk))
                        Path.Passed(chunk);
                    else if (seen.First is null)
                        seen = (chunk, Traffic.Sent);
                }
            }
            return (seen.First, seen.SentAtFirst, Traffic.Sent);
        }

        /// <summary>Reads the destination 2 KiB at a time with a pause between reads, until it ends or goes quiet.</summary>
        public async Task<int> DrainSlowlyAsync()
        {
            var buffer = new byte[2048];
            var total = 0;
            while (true)
            {
                await Task.Delay(1, Abort);
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(Abort);
                quiet.CancelAfter(TimeSpan.FromSeconds(2));
                try
                {
                    var read = await _peer.ReceiveAsync(buffer, SocketFlags.None, quiet.Token);
                    if (read == 0)
                        return total;
                    total += read;
                }
                catch (OperationCanceledException) when (!Abort.IsCancellationRequested)
                {
                    return total;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _timeout.CancelAsync();
            foreach (var socket in _sockets)
                socket.Dispose();
            try
            {
                await Reader;
                await Chain.ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _timeout.Dispose();
            }
        }

        private static async Task<(Socket Connected, Socket Accepted)> PairAsync(bool small)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // The source's whole stream fits in the receiving end at once, so every read the pump makes is full.
            if (!small)
                listener.ReceiveBufferSize = 1 << 20;
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var connected = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (small)
                connected.ReceiveBufferSize = 4096;
            else
                connected.SendBufferSize = 1 << 20;
            await connected.ConnectAsync(listener.LocalEndPoint!);
            var accepted = await listener.AcceptAsync();
            if (small)
                accepted.SendBufferSize = 4096;
            // The pump's destination is the accepted end; the connected end is the slow peer.
            return small ? (accepted, connected) : (connected, accepted);
        }
    }
}

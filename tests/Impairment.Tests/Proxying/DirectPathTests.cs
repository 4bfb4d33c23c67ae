using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Metering;
using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;
using Harness.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impairment.Tests.Proxying;

/// <summary>
/// The direct path of a link: while its chain is empty the bytes go socket to socket (counted as direct bytes),
/// while a toxic is set they go through the chain, and back once the chain is empty again. Checked by the link's
/// own counters, not by timing.
/// </summary>
public sealed class DirectPathTests
{
    private const int Size = 256 * 1024;

    [Test]
    public async Task NoToxic_EveryByteTakesTheDirectPathBothWays()
    {
        await using var rig = await Rig.StartAsync();

        await rig.EchoAsync(Size);

        Assert.That(rig.Connection.DirectBytes(Direction.Upstream), Is.EqualTo(Size));
        Assert.That(rig.Connection.DirectBytes(Direction.Downstream), Is.EqualTo(Size));
    }

    [Test]
    public async Task ToxicAddedThenRemoved_ChainTakesOverThenDirectPathResumes()
    {
        await using var rig = await Rig.StartAsync();
        await rig.EchoAsync(Size);

        await rig.Connection.SetChain(Direction.Upstream, Chain(TestToxics.Latency(1)));
        await rig.EchoAsync(Size);
        Assert.That(rig.Connection.DirectBytes(Direction.Upstream), Is.EqualTo(Size), "upstream while the latency toxic is set");
        Assert.That(rig.Connection.DirectBytes(Direction.Downstream), Is.EqualTo(2 * Size), "downstream has no toxic");

        await rig.Connection.SetChain(Direction.Upstream, ToxicChain.Empty);
        await rig.EchoAsync(Size);
        Assert.That(rig.Connection.DirectBytes(Direction.Upstream), Is.EqualTo(2 * Size), "upstream after the removal");
    }

    [Test]
    public async Task ToxicAtAccept_NoByteTakesTheDirectPathInItsDirection()
    {
        await using var rig = await Rig.StartAsync(downstream: Chain(TestToxics.Latency(1)));

        await rig.EchoAsync(Size);

        Assert.That(rig.Connection.DirectBytes(Direction.Downstream), Is.Zero);
        Assert.That(rig.Connection.DirectBytes(Direction.Upstream), Is.EqualTo(Size));
    }

    [Test]
    public void RemovalPublished_ReaderStaysOnTheChainUntilTheLinkRunsTheEmptyChain()
    {
        // A removed toxic may close the connection when it is cleaned up (timeout): a read that went direct between
        // the removal's publication and that cleanup would hand the client bytes the toxic was still dropping.
        using var destination = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var counter = new TrafficMeter().For("p", "downstream", "l", "u");
        var path = new DirectPath(destination, counter, null, () => { }, chainEmpty: false);
        var timeout = Chain(TestToxics.Latency(1));
        path.Adopted(timeout);

        path.Publish(ToxicChain.Empty);
        Assert.That(path.ChainEmpty, Is.False, "published, not yet run");

        path.Adopted(ToxicChain.Empty);
        Assert.That(path.ChainEmpty, Is.True, "run by the link");
    }

    [Test]
    public void EmptyChainAdoptedAfterAToxicWasPublished_ReaderStaysOnTheChain()
    {
        using var destination = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var counter = new TrafficMeter().For("p", "downstream", "l", "u");
        var path = new DirectPath(destination, counter, null, () => { }, chainEmpty: false);
        path.Publish(ToxicChain.Empty);
        var latency = Chain(TestToxics.Latency(1));
        path.Publish(latency);
        Assert.That(path.ChainEmpty, Is.False, "a published toxic takes the reader off the direct path at once");

        path.Adopted(ToxicChain.Empty);
        Assert.That(path.ChainEmpty, Is.False, "the empty chain is no longer the latest");
    }

    private static ToxicChain Chain(params ToxicInstance[] toxics) => new(toxics.ToImmutableArray());

    /// <summary>A client, one <see cref="ProxyConnection"/> accepted for it, and an echo server upstream.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly EchoServer _echo;
        private readonly Socket _client;
        private readonly Task _running;
        private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

        private Rig(EchoServer echo, Socket client, ProxyConnection connection, Task running)
        {
            (_echo, _client, Connection, _running) = (echo, client, connection, running);
        }

        public ProxyConnection Connection { get; }

        public static async Task<Rig> StartAsync(ToxicChain? upstream = null, ToxicChain? downstream = null)
        {
            var echo = new EchoServer();
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await client.ConnectAsync(listener.LocalEndPoint!);
            var accepted = await listener.AcceptAsync();
            var traffic = new TrafficMeter();
            var setup = new ConnectionSetup(
                "p",
                1,
                echo.Address,
                upstream ?? ToxicChain.Empty,
                downstream ?? ToxicChain.Empty,
                1,
                TimeProvider.System,
                NullLogger.Instance,
                traffic.For("p", "upstream", "l", "u"),
                traffic.For("p", "downstream", "l", "u")
            );
            var connection = new ProxyConnection(setup, accepted);
            return new Rig(echo, client, connection, Task.Run(connection.RunAsync));
        }

        /// <summary>Sends a counter pattern and reads it back whole; the echo must match byte for byte.</summary>
        public async Task EchoAsync(int size)
        {
            var sent = new byte[size];
            for (var i = 0; i < size; i++)
                sent[i] = (byte)(i * 7 + (i >> 8));
            var receive = ReceiveAsync(size);
            await _client.SendAsync(sent, SocketFlags.None, _timeout.Token);
            Assert.That(await receive, Is.EqualTo(sent));
        }

        private async Task<byte[]> ReceiveAsync(int size)
        {
            var buffer = new byte[size];
            for (var offset = 0; offset < size; )
            {
                var read = await _client.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, _timeout.Token);
                if (read == 0)
                    throw new EndOfStreamException($"closed after {offset} of {size} bytes");
                offset += read;
            }
            return buffer;
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            Connection.Close();
            await _running.WaitAsync(_timeout.Token);
            await _echo.DisposeAsync();
            _timeout.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.TestSupport;

namespace Impairment.Tests.Integration;

/// <summary>An echo upstream, an engine and socket helpers; every wait is bounded, timing is asserted as lower bounds.</summary>
public abstract class LoopbackTestBase
{
    protected static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);

    // Timers may fire a little early on a loaded machine; lower bounds allow for it.
    protected const double TimerSlackMs = 20;

    protected EchoServer Echo { get; private set; } = null!;

    protected ImpairmentEngine Engine { get; private set; } = null!;

    protected CancellationTokenSource Cts { get; private set; } = null!;

    [SetUp]
    public void SetUpLoopback()
    {
        Echo = new EchoServer();
        Engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = 1 });
        Cts = new CancellationTokenSource(Bounded);
    }

    [TearDown]
    public async Task TearDownLoopback()
    {
        await Engine.DisposeAsync();
        await Echo.DisposeAsync();
        Cts.Dispose();
    }

    protected string CreateProxy(string name = "p")
    {
        var created = Engine.CreateProxy(new ProxySpec(name, Echo.Address, "127.0.0.1:0"));
        Assert.That(created.IsSuccess, Is.True, created.Error?.Message);
        return created.Value!.Listen;
    }

    protected async Task AddAsync(
        string type,
        string stream = "downstream",
        float toxicity = 1f,
        params (string Name, long Value)[] attributes
    )
    {
        var spec = new ToxicSpec(
            type,
            Stream: stream,
            Toxicity: toxicity,
            Attributes: ToxicAttributeInput.FromValues(TestToxics.Attributes(attributes))
        );
        var added = await Engine.AddToxicAsync("p", spec);
        Assert.That(added.IsSuccess, Is.True, added.Error?.Message);
    }

    protected async Task<Socket> ConnectAsync(string listen)
    {
        var colon = listen.LastIndexOf(':');
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(listen[..colon], int.Parse(listen[(colon + 1)..]), Cts.Token);
        return socket;
    }

    protected async Task<double> RoundTripMsAsync(Socket client, int size = 1)
    {
        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(new byte[size], SocketFlags.None, Cts.Token);
        await ReceiveExactlyAsync(client, size);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    protected async Task<byte[]> ReceiveExactlyAsync(Socket client, int length)
    {
        var buffer = new byte[length];
        for (var offset = 0; offset < length; )
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, Cts.Token);
            if (read == 0)
                throw new EndOfStreamException($"closed after {offset} of {length} bytes");
            offset += read;
        }
        return buffer;
    }

    /// <summary>Reads until the connection ends: how many bytes came first and whether it ended with an RST.</summary>
    protected async Task<(int Bytes, bool Reset)> ReadToEndAsync(Socket client)
    {
        var total = 0;
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, Cts.Token)) > 0)
                total += read;
            return (total, false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return (total, true);
        }
    }
}

using System.Diagnostics;
using System.Net.Sockets;

namespace Impairment.Tests.Integration;

/// <summary>Our toxics beyond Toxiproxy over real loopback sockets.</summary>
public sealed class HarnessToxicLoopbackTests : LoopbackTestBase
{
    [Test]
    public async Task Loss_HalfOfOneByteSegmentsLost_EchoesIntactWithRtoStalls()
    {
        var listen = CreateProxy();
        await AddAsync("loss", attributes: [("probability", 50), ("rto", 200)]);
        using var client = await ConnectAsync(listen);

        var samples = new List<double>();
        for (var i = 0; i < 8; i++)
            samples.Add(await RoundTripMsAsync(client));

        // One-byte writes are one segment each; with this seed at least one of eight is lost (P(none) = 1/256).
        Assert.That(samples.Max(), Is.GreaterThanOrEqualTo(200 - TimerSlackMs));
    }

    [TestCase(1, true)]
    [TestCase(0, false)]
    public async Task Refuse_NewConnection_ClosedBeforeAnyData(long rst, bool expectReset)
    {
        var listen = CreateProxy();
        await AddAsync("refuse", attributes: ("rst", rst));
        Socket client;
        try
        {
            client = await ConnectAsync(listen);
        }
        catch (SocketException ex) when (expectReset && ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
        {
            // On loopback the RST can overtake the connect's completion: the client sees a failed connect.
            return;
        }
        using (client)
            Assert.That(await ReadToEndAsync(client), Is.EqualTo((0, expectReset)));
    }

    [Test]
    public async Task Hang_ClientSends_NoReplyUntilRemovedThenClosed()
    {
        var listen = CreateProxy();
        await AddAsync("hang");
        using var client = await ConnectAsync(listen);
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, Cts.Token);
        var reading = ReadToEndAsync(client);

        var settled = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System));
        Assert.That(settled, Is.Not.SameAs(reading), "a hung connection neither answers nor closes");

        Assert.That(await Engine.RemoveToxicAsync("p", "hang_downstream"), Is.Null);
        Assert.That((await reading).Bytes, Is.Zero);
    }

    [Test]
    public async Task SlowOpen_Downstream_FirstReplyDelayedLaterOnesNot()
    {
        var listen = CreateProxy();
        await AddAsync("slow_open", attributes: ("delay", 300));
        using var client = await ConnectAsync(listen);

        Assert.That(await RoundTripMsAsync(client), Is.GreaterThanOrEqualTo(300 - TimerSlackMs));
        Assert.That(await RoundTripMsAsync(client), Is.LessThan(300));
    }

    [Test]
    public async Task CutAfter_WithRst_ResetWhileTrafficFlows()
    {
        var listen = CreateProxy();
        await AddAsync("cut_after", stream: "upstream", attributes: [("after", 300), ("rst", 1)]);
        var started = Stopwatch.GetTimestamp();
        using var client = await ConnectAsync(listen);

        var reset = false;
        try
        {
            while (true)
                await RoundTripMsAsync(client);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown)
        {
            reset = true;
        }
        catch (EndOfStreamException) { }

        Assert.That(reset, Is.True);
        Assert.That(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Is.GreaterThanOrEqualTo(300 - TimerSlackMs));
    }

    [Test]
    public async Task Latency_NormalJitter_EchoesArriveInOrder()
    {
        var listen = CreateProxy();
        await AddAsync("latency", attributes: [("latency", 20), ("jitter", 20), ("distribution", 1)]);
        using var client = await ConnectAsync(listen);
        var payload = Enumerable.Range(0, 50).Select(i => (byte)i).ToArray();

        foreach (var b in payload)
            await client.SendAsync(new[] { b }, SocketFlags.None, Cts.Token);
        Assert.That(await ReceiveExactlyAsync(client, payload.Length), Is.EqualTo(payload));
    }
}

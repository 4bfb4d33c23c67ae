using System.Diagnostics;
using System.Net.Sockets;

namespace Impairment.Tests.Integration;

/// <summary>Toxiproxy's toxics over real loopback sockets, checked against the observations in the spec (section 7).</summary>
public sealed class ToxiproxyToxicLoopbackTests : LoopbackTestBase
{
    [Test]
    public async Task SlowClose_ClientHalfCloses_EofArrivesAfterDelay()
    {
        var listen = CreateProxy();
        await AddAsync("slow_close", attributes: ("delay", 300));
        using var client = await ConnectAsync(listen);
        await RoundTripMsAsync(client);

        var started = Stopwatch.GetTimestamp();
        client.Shutdown(SocketShutdown.Send);
        var (_, reset) = await ReadToEndAsync(client);

        Assert.That(reset, Is.False);
        Assert.That(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Is.GreaterThanOrEqualTo(300 - TimerSlackMs));
    }

    [Test]
    public async Task ResetPeer_PresentAtConnect_ClientSeesResetAfterTimeout()
    {
        var listen = CreateProxy();
        await AddAsync("reset_peer", attributes: ("timeout", 200));
        using var client = await ConnectAsync(listen);

        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(new byte[] { 1 }, SocketFlags.None, Cts.Token);
        var (bytes, reset) = await ReadToEndAsync(client);

        Assert.That((bytes, reset), Is.EqualTo((0, true)));
        Assert.That(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Is.GreaterThanOrEqualTo(200 - TimerSlackMs));
    }

    [Test]
    public async Task ResetPeer_AddedToOpenConnection_ClosesWithFin()
    {
        var listen = CreateProxy();
        using var client = await ConnectAsync(listen);
        await RoundTripMsAsync(client);
        await AddAsync("reset_peer", attributes: ("timeout", 50));

        await client.SendAsync(new byte[] { 1 }, SocketFlags.None, Cts.Token);
        Assert.That(await ReadToEndAsync(client), Is.EqualTo((0, false)));
    }

    [Test]
    public async Task ResetPeer_ToxicityZero_HalfCloseStillEndsWithEofNotRst()
    {
        var listen = CreateProxy();
        await AddAsync("reset_peer", stream: "upstream", toxicity: 0f, attributes: ("timeout", 10));
        using var client = await ConnectAsync(listen);
        await RoundTripMsAsync(client);

        client.Shutdown(SocketShutdown.Send);
        Assert.That(await ReadToEndAsync(client), Is.EqualTo((0, false)), "Toxiproxy gives an RST here (issue #603)");
    }

    [Test]
    public async Task Slicer_1000Bytes_ArriveIntactAfterSixteenDelays()
    {
        var listen = CreateProxy();
        await AddAsync("slicer", attributes: [("average_size", 100), ("delay", 10_000)]);
        using var client = await ConnectAsync(listen);
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(payload, SocketFlags.None, Cts.Token);
        Assert.That(await ReceiveExactlyAsync(client, 1000), Is.EqualTo(payload));
        Assert.That(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Is.GreaterThanOrEqualTo(150 - TimerSlackMs));
    }

    [Test]
    public async Task LimitData_16BytesSent_10ReceivedThenEof()
    {
        var listen = CreateProxy();
        await AddAsync("limit_data", attributes: ("bytes", 10));
        using var client = await ConnectAsync(listen);

        await client.SendAsync(new byte[16], SocketFlags.None, Cts.Token);
        Assert.That(await ReadToEndAsync(client), Is.EqualTo((10, false)));
    }

    [Test]
    public async Task Timeout_NoTraffic_ConnectionClosedAfterTimeout()
    {
        var listen = CreateProxy();
        await AddAsync("timeout", attributes: ("timeout", 300));
        var started = Stopwatch.GetTimestamp();
        using var client = await ConnectAsync(listen);

        Assert.That((await ReadToEndAsync(client)).Bytes, Is.Zero);
        Assert.That(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Is.GreaterThanOrEqualTo(300 - TimerSlackMs));
    }

    [Test]
    public async Task Timeout_ZeroThenRemoved_DataDroppedAndRemovalCloses()
    {
        var listen = CreateProxy();
        using var client = await ConnectAsync(listen);
        // Added once the links run, so the toxic is surely on the link when it is removed.
        await RoundTripMsAsync(client);
        await AddAsync("timeout", attributes: ("timeout", 0));
        await client.SendAsync(new byte[] { 1 }, SocketFlags.None, Cts.Token);
        var reading = ReadToEndAsync(client);

        Assert.That(await Engine.RemoveToxicAsync("p", "timeout_downstream"), Is.Null);
        Assert.That((await reading).Bytes, Is.Zero);
    }

    [Test]
    public async Task Bandwidth_25000BytesAtRate50_TakesAboutHalfASecond()
    {
        var listen = CreateProxy();
        await AddAsync("bandwidth", attributes: ("rate", 50));
        using var client = await ConnectAsync(listen);

        var elapsed = await RoundTripMsAsync(client, 25_000);
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(500 - 100 - TimerSlackMs), "the first 100 ms piece leaves at once");
    }
}

using System.Diagnostics;
using System.Net.Sockets;

namespace Impairment.Tests.Integration;

/// <summary>
/// Two-sided timing checks in the manner of Toxiproxy's AssertDeltaTime: the time a latency toxic adds to a fresh
/// connection's first echo (accept, dial and exchange included) lies in [configured - 5 ms, 1.9 x configured).
/// Added = median over trials through the toxic proxy minus median through a twin proxy without toxics, trials
/// alternating, so load on a shared machine hits both sides alike. The lower bound is physics (the engine never
/// releases early); the upper one is as generous as possible while a doubled latency (at least 2 x configured
/// added) still fails it.
/// </summary>
public class LatencyTimingTests : LoopbackTestBase
{
    private const int Trials = 7;

    [TestCase("downstream", 100)]
    [TestCase("upstream", 100)]
    [TestCase("downstream", 200)]
    public async Task LatencyToxic_FreshConnections_AddedWithinBounds(string stream, int latencyMs)
    {
        var slow = CreateProxy("p");
        var twin = CreateProxy("twin");
        await FreshEchoMsAsync(slow);
        await FreshEchoMsAsync(twin);
        await AddAsync("latency", stream: stream, attributes: [("latency", latencyMs)]);

        var (withToxic, without) = (new double[Trials], new double[Trials]);
        for (var i = 0; i < Trials; i++)
        {
            withToxic[i] = await FreshEchoMsAsync(slow);
            without[i] = await FreshEchoMsAsync(twin);
        }
        var added = Median(withToxic) - Median(without);

        Assert.That(
            added,
            Is.InRange(latencyMs - 5.0, latencyMs * 1.9),
            $"added ms (with {Median(withToxic):0.0}, without {Median(without):0.0})"
        );
    }

    private async Task<double> FreshEchoMsAsync(string listen)
    {
        var started = Stopwatch.GetTimestamp();
        using (var client = await ConnectAsync(listen))
        {
            await client.SendAsync(new byte[64], SocketFlags.None, Cts.Token);
            await ReceiveExactlyAsync(client, 64);
        }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(double[] samples) => samples.Order().ElementAt(samples.Length / 2);
}

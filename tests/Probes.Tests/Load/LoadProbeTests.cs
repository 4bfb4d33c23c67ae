using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.Probes.Load;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.Load;

public sealed class LoadProbeTests
{
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LiveRoomServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private LoadProbeOptions Http(LoadExecutor executor, string path = "/healthz") =>
        new("load", executor) { Http = new HttpProbeOptions("load", new Uri(_server.BaseUri, path)) };

    private static async Task<CollectingSink> RunAsync(LoadProbeOptions options, ISampleSink? sink = null, int seconds = 30)
    {
        using var cts = Timeouts.Bounded(seconds);
        sink ??= new CollectingSink();
        var context = new ProbeContext(sink, new TestPhase(), TimeProvider.System, HostRoutes.None);
        await new LoadProbe(options).RunAsync(context, cts.Token).WaitAsync(cts.Token);
        return sink as CollectingSink ?? ((HistogramCollectingSink)sink).Samples;
    }

    [Test]
    public async Task ConstantArrivalRate_ShortRun_AchievesRateWithoutDrops()
    {
        var sink = await RunAsync(Http(new ConstantArrivalRate(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 5, 50)));

        var iterations = sink.Of(MetricNames.Iterations);
        var span = iterations[^1].Timestamp - iterations[0].Timestamp;
        using (Assert.EnterMultipleScope())
        {
            // The schedule holds exactly 80 starts; a loaded machine may only delay them, never drop them with 50 VUs.
            Assert.That(iterations, Has.Count.EqualTo(80));
            Assert.That(sink.Of(MetricNames.DroppedIterations), Is.Empty);
            // Starts are spread over the 2 s, not bunched (a generous bound: 2 shared cores).
            Assert.That(span, Is.GreaterThan(TimeSpan.FromSeconds(1.5)));
            Assert.That(sink.Of(MetricNames.HttpReqs), Has.Count.EqualTo(80));
            Assert.That(sink.Of(MetricNames.Vus)[^1].Value, Is.Zero);
        }
    }

    [Test]
    public async Task ConstantArrivalRate_AllVusBusy_CountsDroppedIterations()
    {
        await using var stall = new TcpFaultServer(TcpFault.Stall);
        var options = new LoadProbeOptions("load", new ConstantArrivalRate(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, 2))
        {
            Http = new HttpProbeOptions("load", new Uri($"http://127.0.0.1:{stall.Port}/")) { Timeout = TimeSpan.FromMinutes(5) },
            GracefulStop = TimeSpan.Zero,
        };

        var sink = await RunAsync(options);

        // Two VUs hang on the first two arrivals; the other 18 find none free. The hung two are cut by the stop, uncounted.
        Assert.That(sink.Of(MetricNames.DroppedIterations).Sum(s => s.Value), Is.EqualTo(18));
        Assert.That(sink.Of(MetricNames.Iterations), Is.Empty);
        Assert.That(sink.Of(MetricNames.Vus).Max(s => s.Value), Is.EqualTo(2));
    }

    [Test]
    public async Task ConstantVus_IterationsBound_StopsAtBoundLongBeforeDuration()
    {
        var options = Http(new ConstantVus(4, TimeSpan.FromMinutes(5))) with { Iterations = 25 };

        var sink = await RunAsync(options);

        Assert.That(sink.Of(MetricNames.Iterations), Has.Count.EqualTo(25));
        Assert.That(sink.Of(MetricNames.HttpReqs), Has.Count.EqualTo(25));
    }

    [Test]
    public async Task RampingVus_Stages_VuCountFollowsStages()
    {
        var stages = new[]
        {
            new LoadStage(TimeSpan.FromSeconds(1), 4),
            new LoadStage(TimeSpan.FromSeconds(0.5), 4),
            new LoadStage(TimeSpan.FromSeconds(1), 0),
        };
        var sink = await RunAsync(Http(new RampingVus(1, stages)));

        var vus = sink.Of(MetricNames.Vus).Select(s => s.Value).ToList();
        var peak = vus.IndexOf(vus.Max());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(vus.Max(), Is.EqualTo(4));
            Assert.That(vus.Take(peak + 1), Is.Ordered, "ramping up");
            Assert.That(vus.Skip(peak), Is.Ordered.Descending, "ramping down");
            Assert.That(vus[^1], Is.Zero);
            Assert.That(sink.Of(MetricNames.Iterations), Is.Not.Empty);
        }
    }

    [Test]
    public async Task LoadProbe_HistogramSink_LatenciesArriveAsHistogramsInBoundedVolume()
    {
        var sink = new HistogramCollectingSink();
        var options = Http(new ConstantArrivalRate(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 5, 50)) with
        {
            FlushInterval = TimeSpan.FromMilliseconds(250),
        };

        await RunAsync(options, sink);

        var durations = sink.Merged(MetricNames.HttpReqDuration);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(durations.Count, Is.EqualTo(50));
            Assert.That(sink.Samples.Of(MetricNames.HttpReqDuration), Is.Empty, "no per-request samples");
            Assert.That(sink.Samples.Of(MetricNames.Iterations).Sum(s => s.Value), Is.EqualTo(50), "counters summed per flush");
            Assert.That(sink.Samples.Of(MetricNames.Iterations).Count, Is.LessThan(20));
            Assert.That(sink.Merged(MetricNames.Checks).Count, Is.EqualTo(50));
        }
    }

    [Test]
    public async Task ConstantVus_WebSocketIteration_RunsSessionsWithEcho()
    {
        var options = new LoadProbeOptions("ws-load", new ConstantVus(2, TimeSpan.FromSeconds(1)))
        {
            WebSocket = new WebSocketProbeOptions("ws-load", _server.WebSocketUri("/ws/echo"))
            {
                Echo = new WebSocketEchoOptions { Rate = 20 },
            },
            SessionDuration = TimeSpan.FromMilliseconds(300),
        };

        var sink = await RunAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.Iterations), Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(sink.Of(MetricNames.WsConnecting), Has.Count.EqualTo(sink.Of(MetricNames.WsSessionDuration).Count));
            Assert.That(sink.Of(MetricNames.WsRtt), Is.Not.Empty);
            Assert.That(sink.Of(MetricNames.WsDisconnects), Is.Empty, "closing at the end of an iteration is not a disconnect");
        }
    }
}

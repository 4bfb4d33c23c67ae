using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.Http;

public sealed class HttpProbeTests
{
    private static readonly TimeSpan FastInterval = TimeSpan.FromMilliseconds(20);
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LiveRoomServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private HttpProbe Probe(Uri url, Func<HttpProbeOptions, HttpProbeOptions>? configure = null) =>
        new((configure ?? (o => o))(new HttpProbeOptions("http", url) { Interval = FastInterval }));

    [Test]
    public async Task HttpProbe_HealthyTarget_EmitsSuccessSamplesOverOneConnection()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(Probe(new Uri(_server.BaseUri, "/healthz")));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 3, cts.Token);
        await run.StopAsync(cts.Token);

        var sink = run.Sink;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Of(MetricNames.HttpReqs).Select(s => s.Tag("status")), Is.All.EqualTo("200"));
            Assert.That(sink.Of(MetricNames.HttpReqFailed).Select(s => s.Value), Is.All.EqualTo(0));
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.All.EqualTo(1));
            Assert.That(sink.Of(MetricNames.Checks)[0].Tag("check"), Is.EqualTo("status is 200"));
            Assert.That(sink.Of(MetricNames.HttpReqDuration).Select(s => s.Value), Is.All.GreaterThan(0));
            Assert.That(sink.Of(MetricNames.HttpReqWaiting), Has.Count.EqualTo(sink.Of(MetricNames.HttpReqs).Count));
            Assert.That(sink.Of(MetricNames.HttpReqConnecting), Has.Count.EqualTo(1), "keep-alive reuses the first connection");
            Assert.That(sink.All.Select(s => (s.Tags.Probe, s.Tags.Phase)).Distinct(), Is.EqualTo(new[] { ("http", "warmup") }));
            Assert.That(
                sink.All.Select(s => s.Tag("participant")).Distinct(),
                Is.EqualTo(new[] { "http" }),
                "every sample names its participant"
            );
        }
    }

    [Test]
    public async Task HttpProbe_PhaseChanges_NewSamplesCarryNewPhase()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(Probe(new Uri(_server.BaseUri, "/healthz")));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 1, cts.Token);
        run.Phase.Current = "impaired";
        var before = run.Sink.Of(MetricNames.HttpReqs).Count;
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, before + 2, cts.Token);

        Assert.That(run.Sink.Of(MetricNames.HttpReqs)[^1].Tags.Phase, Is.EqualTo("impaired"));
    }

    [Test]
    public async Task HttpProbe_UnexpectedStatus_EmitsFailedSamplesWithStatusClass()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(Probe(new Uri(_server.BaseUri, "/no-such-page")));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 2, cts.Token);
        await run.StopAsync(cts.Token);

        var failed = run.Sink.Of(MetricNames.HttpReqFailed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Select(s => s.Value), Is.All.EqualTo(1));
            Assert.That(failed.Select(s => (s.Tag("status"), s.Tag("error"))), Is.All.EqualTo(("404", "status_404")));
            Assert.That(run.Sink.Of(MetricNames.Checks).Select(s => s.Value), Is.All.EqualTo(0));
        }
    }

    [Test]
    public async Task HttpProbe_ExpectedNon200Status_Passes()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(Probe(new Uri(_server.BaseUri, "/no-such-page"), o => o with { ExpectedStatus = 404 }));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 2, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.HttpReqFailed).Select(s => s.Value), Is.All.EqualTo(0));
    }

    [Test]
    public async Task HttpProbe_RefusedPort_EmitsRefusedFailuresAndEndsOnCancel()
    {
        using var cts = Timeouts.Bounded();
        var url = new Uri($"http://127.0.0.1:{UnusedPort.Find()}/");
        await using var run = ProbeRun.Start(Probe(url));
        await run.Sink.WaitForAsync(MetricNames.HttpReqFailed, 3, cts.Token);
        await run.StopAsync(cts.Token);

        AssertFailures(run.Sink, "refused");
        Assert.That(run.Task.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task HttpProbe_ServerResets_EmitsResetFailures()
    {
        using var cts = Timeouts.Bounded();
        await using var server = new TcpFaultServer(TcpFault.Reset);
        await using var run = ProbeRun.Start(Probe(new Uri($"http://127.0.0.1:{server.Port}/")));
        await run.Sink.WaitForAsync(MetricNames.HttpReqFailed, 3, cts.Token);
        await run.StopAsync(cts.Token);

        AssertFailures(run.Sink, "reset");
    }

    [Test]
    public async Task HttpProbe_ServerStalls_EmitsTimeoutFailures()
    {
        using var cts = Timeouts.Bounded();
        await using var server = new TcpFaultServer(TcpFault.Stall);
        await using var run = ProbeRun.Start(
            Probe(new Uri($"http://127.0.0.1:{server.Port}/"), o => o with { Timeout = TimeSpan.FromMilliseconds(200) })
        );
        await run.Sink.WaitForAsync(MetricNames.HttpReqFailed, 2, cts.Token);
        await run.StopAsync(cts.Token);

        AssertFailures(run.Sink, "timeout");
    }

    [Test]
    public async Task HttpProbe_StallingRequestInFlight_CancelEndsRunWithoutSample()
    {
        using var cts = Timeouts.Bounded();
        await using var server = new TcpFaultServer(TcpFault.Stall);
        await using var run = ProbeRun.Start(
            Probe(new Uri($"http://127.0.0.1:{server.Port}/"), o => o with { Timeout = TimeSpan.FromMinutes(5) })
        );
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.All, Is.Empty, "a request cut short by the end of the run is not a measurement");
    }

    [Test]
    public async Task HttpProbe_RoutedHost_ReachesTargetThroughRouteKeepingHostName()
    {
        using var cts = Timeouts.Bounded();
        var probe = Probe(new Uri("http://liveroom.test/version"));
        await using var run = ProbeRun.Start(probe, ProbeRun.Route("liveroom.test", _server.BaseUri));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 2, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.HttpReqs).Select(s => s.Tag("status")), Is.All.EqualTo("200"));
    }

    private static void AssertFailures(CollectingSink sink, string reason)
    {
        var failed = sink.Of(MetricNames.HttpReqFailed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.Not.Empty);
            Assert.That(failed.Select(s => s.Value), Is.All.EqualTo(1));
            Assert.That(failed.Select(s => (s.Tag("status"), s.Tag("error"))), Is.All.EqualTo(("error", reason)));
            Assert.That(sink.Of(MetricNames.Checks).Select(s => s.Value), Is.All.EqualTo(0));
            Assert.That(sink.Of(MetricNames.HttpReqWaiting), Is.Empty);
        }
    }
}

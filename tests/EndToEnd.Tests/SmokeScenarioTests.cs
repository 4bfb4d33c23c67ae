namespace EndToEnd.Tests;

/// <summary>The README's first command: the smoke scenario through the embedded server, end to end.</summary>
[NonParallelizable]
public sealed class SmokeScenarioTests
{
    [Test]
    public async Task Run_SmokeScenario_PassesAndMeasuresTheInjectedLatency()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", "scenarios/smoke.yaml", "--report-dir", reports.Root);

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        var run = reports.SingleRun();
        Assert.That(new[] { "results.json", "junit.xml", "index.html" }.Select(f => File.Exists(Path.Combine(run, f))), Is.All.True);
        using var results = reports.Results();
        Assert.That(Results.Status(results), Is.EqualTo("passed"));
        using (Assert.EnterMultipleScope())
        {
            // Measured through the proxy, not copied from the configuration: medians per phase.
            var httpAdded =
                Results.PhaseFigure(results, "api", "http_req_duration", "degraded", "med")
                - Results.PhaseFigure(results, "api", "http_req_duration", "baseline", "med");
            var frameAdded =
                Results.PhaseFigure(results, "room", "ws_frame_delay", "degraded", "med")
                - Results.PhaseFigure(results, "room", "ws_frame_delay", "baseline", "med");
            var echoAdded =
                Results.PhaseFigure(results, "echo", "ws_rtt", "degraded", "med")
                - Results.PhaseFigure(results, "echo", "ws_rtt", "baseline", "med");
            Assert.That(httpAdded, Is.GreaterThanOrEqualTo(190), "HTTP latency added in degraded");
            Assert.That(frameAdded, Is.GreaterThanOrEqualTo(190), "WebSocket frame delay added in degraded");
            Assert.That(echoAdded, Is.GreaterThanOrEqualTo(190), "echo round trip added in degraded");
            Assert.That(Results.PhaseFigure(results, "room", "ws_msgs_received", "baseline", "count"), Is.GreaterThan(100));
            // The embedded server's byte counters, read at each phase boundary: the edge proxy carried every probe's traffic in both
            // phases.
            var bytes = results.RootElement.GetProperty("proxies")[0].GetProperty("phase_bytes");
            Assert.That(bytes.GetProperty("baseline").GetInt64(), Is.GreaterThan(10_000));
            Assert.That(bytes.GetProperty("degraded").GetInt64(), Is.GreaterThan(10_000));
            Assert.That(stdout, Does.Contain("(observed 0 %, limit < 5 %)"), "result lines carry units");
        }
        Assert.That(File.ReadAllText(Path.Combine(run, "artifacts", "service-liveroom.log")), Is.Not.Empty, "the service's output is kept");
        var port = results.RootElement.GetProperty("services")[0].GetProperty("port").GetInt32();
        using var probe = new System.Net.Sockets.TcpClient();
        Assert.That(
            async () => await probe.ConnectAsync("127.0.0.1", port),
            Throws.InstanceOf<System.Net.Sockets.SocketException>(),
            "the launched LiveRoom is stopped"
        );
    }
}

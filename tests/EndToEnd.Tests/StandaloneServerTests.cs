using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace EndToEnd.Tests;

/// <summary>
/// `harness toxiproxy` as a separate process (what a shared staging Toxiproxy looks like), and a run
/// interrupted against it: exit 130, no proxy left on the server, results.json says interrupted.
/// </summary>
[NonParallelizable]
public sealed class StandaloneServerTests
{
    [Test]
    public async Task Run_InterruptedAgainstStandaloneServer_LeavesTheServerEmpty()
    {
        var port = FreePort();
        using var server = HarnessProcess.Start(
            "toxiproxy",
            "-host",
            "127.0.0.1",
            "-port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        await server.WaitForOutputAsync("listening");
        var api = new Uri($"http://127.0.0.1:{port}/");
        using var client = new ToxiproxyClient(api);
        Assert.That(await client.GetVersionAsync(), Is.EqualTo("2.12.0"));

        using var reports = new ReportFolder();
        using (var run = HarnessProcess.Start("run", "scenarios/smoke.yaml", "--report-dir", reports.Root, "--toxiproxy", api.ToString()))
        {
            await run.WaitForOutputAsync("phase baseline");
            Assert.That(await client.GetProxiesAsync(), Has.Count.EqualTo(1));
            run.Signal("INT");
            Assert.That(await run.WaitForExitAsync(), Is.EqualTo(130), run.Stderr);
        }

        Assert.That(await client.GetProxiesAsync(), Is.Empty, "the interrupted run removed its proxy from the shared server");
        using var results = reports.Results();
        Assert.That(Results.Status(results), Is.EqualTo("interrupted"));
        server.Signal("TERM");
        Assert.That(await server.WaitForExitAsync(), Is.Zero, "the standalone server exits 0 on SIGTERM");
    }

    [Test]
    public async Task Toxiproxy_EmptyHost_ExitsTwoWithoutListening()
    {
        using var server = HarnessProcess.Start("toxiproxy", "-host", "", "-port", "0");
        var exited = server.WaitForExitAsync();
        var first = await Task.WhenAny(exited, server.WaitForOutputAsync("listening"));

        Assert.That(first, Is.SameAs(exited), $"toxiproxy-server binds every interface for -host \"\"; ours must refuse: {server.Stdout}");
        Assert.That(await exited, Is.EqualTo(2));
        Assert.That(server.Stderr, Does.Contain("-host \"\" would bind every interface: give -host 0.0.0.0 (IPv4) or -host ::"));
        FailureExitCodeTests.AssertNoStackTrace(server.Stdout + server.Stderr);
    }

    [TestCase("name: x\ntimeline:\n  - [unclosed: {\n")]
    [TestCase(
        "name: x\ntimeline: [ { phase: a, duration: 1s } ]\nprobes: [ { http: { name: a, url: \"http://x.test/\" } } ]\nthresholds: { a: [ \"http_req_duration p95 < 1s\" ] }\n"
    )]
    public async Task Validate_BrokenFile_ExitsTwoWithLocationAndNoStackTrace(string text)
    {
        var file = FailureExitCodeTests.WriteScenario(text);
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("validate", file);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Does.Match(@"\.yaml:\d+:\d+: "));
            FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

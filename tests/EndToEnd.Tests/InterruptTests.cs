using System.Net.Sockets;
using Harness.Impairment.Server;
using Harness.Toxiproxy.Client;

namespace EndToEnd.Tests;

/// <summary>Ctrl-C during a run against a separate Toxiproxy server: nothing the run created may survive it.</summary>
[NonParallelizable]
public sealed class InterruptTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task Run_Signalled_ExitsInterruptedAndLeavesNothingBehind(string signal)
    {
        await using var server = await EmbeddedToxiproxy.StartAsync();
        using var client = new ToxiproxyClient(server.ApiAddress);
        using var reports = new ReportFolder();
        using var harness = HarnessProcess.Start(
            "run",
            "scenarios/smoke.yaml",
            "--report-dir",
            reports.Root,
            "--toxiproxy",
            server.ApiAddress.ToString()
        );

        await harness.WaitForOutputAsync("phase degraded");
        Assert.That(await client.GetProxiesAsync(), Is.Not.Empty, "the run's proxy exists while it runs");
        harness.Signal(signal);
        var code = await harness.WaitForExitAsync();

        Assert.That(code, Is.EqualTo(130), harness.Stderr);
        Assert.That(await client.GetProxiesAsync(), Is.Empty, "every proxy the run created is gone");
        using var results = reports.Results();
        Assert.That(Results.Status(results), Is.EqualTo("interrupted"));
        var port = results.RootElement.GetProperty("services")[0].GetProperty("port").GetInt32();
        using var probe = new TcpClient();
        Assert.That(
            async () => await probe.ConnectAsync("127.0.0.1", port),
            Throws.InstanceOf<SocketException>(),
            "the launched LiveRoom is stopped"
        );
        FailureExitCodeTests.AssertNoStackTrace(harness.Stdout + harness.Stderr);
    }
}

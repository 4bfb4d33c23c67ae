using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// <c>harness run</c> killed with SIGKILL cannot clean up: its launched service (and that service's own children)
/// must die with it, and the embedded server's listeners must close.
/// </summary>
[NonParallelizable]
public sealed partial class KilledRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    [Test]
    [Platform("Linux")]
    public async Task Run_KilledWithSigkill_LeavesNoProcessOrListenerBehind()
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"3000.{Random.Shared.Next(100_000_000, 999_999_999)}");
        var proxyPort = FreePort();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario(marker, proxyPort, "120s"));
        try
        {
            using var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root);
            await harness.WaitForOutputAsync("phase hold");
            Assert.That(CommandLine(harness.Id), Does.Contain("harness.dll"), "the PID started is the harness (./harness execs dotnet)");
            var started = StartedLine().Match(harness.Stdout + harness.Stderr);
            var servicePort = int.Parse(started.Groups["port"].Value, CultureInfo.InvariantCulture);
            Assert.That(MarkedProcesses(marker), Has.Count.GreaterThanOrEqualTo(2), "the service and its child run with the marker");
            Assert.That(Accepts(servicePort) && Accepts(proxyPort), Is.True, "the service and the proxy listen while the run goes on");

            harness.Signal("KILL");
            await harness.WaitForExitAsync();
            var gone = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < gone && (MarkedProcesses(marker).Count > 0 || Accepts(servicePort)))
                await Task.Delay(50);

            Assert.That(MarkedProcesses(marker), Is.Empty, "no process of the killed run is alive");
            Assert.That(Accepts(servicePort), Is.False, "the service's port no longer accepts connections");
            Assert.That(Accepts(proxyPort), Is.False, "the embedded server's proxy listener closed with the process");
        }
        finally
        {
            foreach (var pid in MarkedProcesses(marker))
                KillSurvivor(pid);
            File.Delete(file);
        }
    }

    [Test]
    [Platform("Linux")]
    public async Task Run_EndingNormally_StopsTheChildrenItsServiceStarted()
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"3000.{Random.Shared.Next(100_000_000, 999_999_999)}");
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario(marker, FreePort(), "2s"));
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root);
            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            var gone = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < gone && MarkedProcesses(marker).Count > 0)
                await Task.Delay(50);

            Assert.That(MarkedProcesses(marker), Is.Empty, "the service's background child is stopped with it");
        }
        finally
        {
            foreach (var pid in MarkedProcesses(marker))
                KillSurvivor(pid);
            File.Delete(file);
        }
    }

    private static string Scenario(string marker, int proxyPort, string duration)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");
        return $$"""
            name: killed-run
            target: { base_url: "http://liveroom.test", allow_hosts: [liveroom.test, 127.0.0.1] }
            services:
              - name: liveroom
                command: [bash, -c, "sleep {{marker}} & exec dotnet {{dll}} --urls http://127.0.0.1:${port} --test-marker={{marker}}"]
                port: auto
                ready_url: "http://127.0.0.1:${port}/healthz"
            network:
              proxies: [ { name: edge, upstream: liveroom, listen: "127.0.0.1:{{proxyPort}}", hosts: [liveroom.test] } ]
            timeline: [ { phase: hold, duration: {{duration}} } ]
            probes: [ { http: { name: api, url: /api/rooms/1 } } ]
            """;
    }

    /// <summary>Live processes whose command line holds the marker (zombies, already dead, do not count).</summary>
    private static List<int> MarkedProcesses(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal))
                    continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
                    continue;
                found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exited while we looked.
            }
        }
        return found;
    }

    private static string CommandLine(int pid) =>
        File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ');

    private static bool Accepts(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void KillSurvivor(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"service liveroom: started pid \d+ on port (?<port>\d+)")]
    private static partial Regex StartedLine();
}

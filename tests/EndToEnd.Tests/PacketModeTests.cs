using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Impairment.Packet.Namespaces;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// Packet mode through the real CLI: the example passes with real loss on the link; the run's namespace and
/// devices are gone after SIGINT; after SIGKILL the next run sweeps the namespace; without privileges, exit 3.
/// </summary>
[NonParallelizable]
public sealed partial class PacketModeTests
{
    private static readonly string LiveRoom = Path.Combine(RepositoryPaths.Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");

    [Test]
    public async Task ExampleScenario_Passes_WithLossCountedOnTheLink()
    {
        RequirePacketMode();
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            "scenarios/examples/packet-loss.yaml",
            "--report-dir",
            reports.Root,
            "--no-color"
        );

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        using var results = reports.Results();
        var phases = results.RootElement.GetProperty("packet").GetProperty("phases");
        var lossy = phases.EnumerateArray().Single(p => p.GetProperty("phase").GetString() == "lossy");
        foreach (var direction in new[] { "upstream", "downstream" })
        {
            var achieved = lossy.GetProperty(direction).GetProperty("achieved");
            Assert.That(achieved.GetProperty("dropped").GetInt64(), Is.GreaterThan(0), direction);
            Assert.That(achieved.GetProperty("mean_added_delay_ms").GetDouble(), Is.InRange(35, 60), direction);
            Assert.That(
                lossy.GetProperty(direction).GetProperty("configured").GetProperty("loss_percent").GetDouble(),
                Is.EqualTo(3),
                direction
            );
        }
        Assert.That(NamespaceOf(stderr + stdout) is { } ns && Exists(ns), Is.False, "the run's namespace is removed");
    }

    [Test]
    public async Task Interrupted_RemovesNamespaceAndDevices()
    {
        RequirePacketMode();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("60s"));
        try
        {
            using var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root, "--no-color");
            await harness.WaitForOutputAsync("phase hold");
            var ns = NamespaceOf(harness.Stderr + harness.Stdout)!;
            var during = (Exists(ns), LinkExists(ns));

            harness.Signal("INT");
            var code = await harness.WaitForExitAsync();

            Assert.That(during, Is.EqualTo((true, true)), "namespace and host device exist while the run goes on");
            Assert.That(code, Is.EqualTo(130));
            Assert.That((Exists(ns), LinkExists(ns)), Is.EqualTo((false, false)), "nothing of the run is left");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Killed_LeavesOnlyTheNamespace_WhichTheNextRunSweeps()
    {
        RequirePacketMode();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("60s"));
        var next = FailureExitCodeTests.WriteScenario(Scenario("1s"));
        try
        {
            string ns;
            using (var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root, "--no-color"))
            {
                await harness.WaitForOutputAsync("phase hold");
                ns = NamespaceOf(harness.Stderr + harness.Stdout)!;
                harness.Signal("KILL");
                await harness.WaitForExitAsync();
            }
            var afterKill = (Exists(ns), LinkExists(ns));

            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", next, "--report-dir", reports.Root, "--no-color");

            Assert.That(afterKill, Is.EqualTo((true, false)), "the TUN devices die with the process; the namespace stays");
            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stderr + stdout, Does.Contain($"removed namespace {ns} (left by an earlier run that was killed)"));
            Assert.That(Exists(ns), Is.False);
        }
        finally
        {
            File.Delete(file);
            File.Delete(next);
        }
    }

    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task WithoutPrivileges_Exits3_NamingTheStreamAlternative()
    {
        RequirePacketMode(); // root with the capabilities, so the test can take them away
        if (!File.Exists("/usr/bin/setpriv"))
            Assert.Ignore("setpriv (util-linux) not installed");
        var dll = Path.Combine(RepositoryPaths.Root, "src/Harness/bin/Release/net10.0/harness.dll");
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("1s"));
        File.SetUnixFileMode(reports.Root, (UnixFileMode)0x1FF);
        var before = Namespaces();
        try
        {
            var info = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
            // Root without CAP_NET_ADMIN and CAP_SYS_ADMIN: still able to read the checkout (a fresh clone under a 0700
            // mktemp folder is closed to nobody), but unable to build namespaces or TUN devices.
            foreach (
                var a in new[]
                {
                    "--bounding-set=-net_admin,-sys_admin",
                    "--inh-caps=-net_admin,-sys_admin",
                    "dotnet",
                    dll,
                    "run",
                    file,
                    "--report-dir",
                    reports.Root,
                    "--no-color",
                }
            )
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout + stderr;

            Assert.That(process.ExitCode, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("packet mode needs root or the CAP_NET_ADMIN and CAP_SYS_ADMIN capabilities"));
            Assert.That(output, Does.Contain("the stream toxics `loss` and `latency`"));
            Assert.That(Namespaces(), Is.EquivalentTo(before), "nothing was created");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Scenario(string duration) =>
        $$"""
            name: packet-cleanup
            target: { base_url: "http://liveroom.test", allow_hosts: [liveroom.test, 127.0.0.1] }
            services:
              - name: liveroom
                command: [dotnet, "{{LiveRoom}}", --urls, "http://${service_address}:${port}"]
                port: auto
                ready_url: "http://${service_address}:${port}/healthz"
            network:
              mode: packet
              proxies: [ { name: link, upstream: liveroom, hosts: [liveroom.test] } ]
            timeline:
              - { phase: hold, duration: {{duration}}, toxics: [ { proxy: link, type: loss, probability: 5% } ] }
            probes: [ { http: { name: api, url: /api/rooms/1, every: 200ms } } ]
            """;

    private static void RequirePacketMode()
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
            Assert.Ignore($"packet mode unavailable here: {why}");
    }

    private static string? NamespaceOf(string output) => NamespaceLine().Match(output) is { Success: true } m ? m.Groups["ns"].Value : null;

    private static bool Exists(string ns) => Namespaces().Contains(ns);

    private static bool LinkExists(string ns)
    {
        var device = new PacketNames(PacketNames.IdOfNamespace(ns)!).HostDevice;
        return Ip("-o", "link", "show").Contains($": {device}:", StringComparison.Ordinal);
    }

    private static List<string> Namespaces() =>
        Ip("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();

    private static string Ip(params string[] arguments)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"packet mode: namespace (?<ns>hp-[0-9a-f]{6}-s)")]
    private static partial Regex NamespaceLine();
}

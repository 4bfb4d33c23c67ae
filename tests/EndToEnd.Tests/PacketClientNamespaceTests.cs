using System.Diagnostics;
using System.Text.RegularExpressions;
using Harness.Impairment.Packet.Namespaces;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// A browser participant in packet mode's client namespace, through the real CLI: its Chromium runs inside <c>hp-ID-c</c> and
/// loads the page across the client link (counted in results.json); SIGINT removes both namespaces; after SIGKILL the next
/// run sweeps both.
/// </summary>
[NonParallelizable]
public sealed partial class PacketClientNamespaceTests
{
    private static readonly string LiveRoom = Path.Combine(RepositoryPaths.Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");

    [Test]
    public async Task BrowserInClientNamespace_LoadsThePageAcrossItsOwnLink()
    {
        var browser = Require();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("10s", browser));
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stdout, Does.Contain("pass  join: checks{participant:far} rate == 100%"));
            using var results = reports.Results();
            var client = results.RootElement.GetProperty("packet").GetProperty("client");
            var hold = client.GetProperty("phases").EnumerateArray().Single();
            var up = hold.GetProperty("upstream");
            Assert.That(client.GetProperty("namespace").GetString(), Does.Match("^hp-[0-9a-f]{6}-c$"));
            Assert.That(up.GetProperty("achieved").GetProperty("packets").GetInt64(), Is.GreaterThan(20), "the far browser's packets");
            Assert.That(up.GetProperty("configured").GetProperty("delay_ms").GetDouble(), Is.EqualTo(20));
            Assert.That(up.GetProperty("achieved").GetProperty("mean_added_delay_ms").GetDouble(), Is.InRange(15, 35));
            var (server, clientNs) = Namespaces(stderr + stdout);
            Assert.That((Exists(server), Exists(clientNs)), Is.EqualTo((false, false)), "both namespaces removed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Interrupted_RemovesBothNamespaces_AndTheBrowserInside()
    {
        var browser = Require();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("60s", browser));
        try
        {
            using var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root, "--no-color");
            await harness.WaitForOutputAsync("phase hold");
            var (server, client) = Namespaces(harness.Stderr + harness.Stdout);
            var inside = await BrowserPidsAsync(client);

            harness.Signal("INT");
            var code = await harness.WaitForExitAsync();

            Assert.That(inside, Is.Not.Empty, "chromium runs inside the client namespace");
            Assert.That(code, Is.EqualTo(130));
            Assert.That((Exists(server), Exists(client)), Is.EqualTo((false, false)), "nothing of the run is left");
            Assert.That(await GoneAsync(inside), Is.True, "the browser inside has ended");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Killed_LeavesBothNamespaces_WhichTheNextRunSweeps()
    {
        var browser = Require();
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario("60s", browser));
        var next = FailureExitCodeTests.WriteScenario(Scenario("1s", browser: null)); // only there to sweep
        try
        {
            string server,
                client;
            IReadOnlyList<int> inside;
            using (var harness = HarnessProcess.Start("run", file, "--report-dir", reports.Root, "--no-color"))
            {
                await harness.WaitForOutputAsync("phase hold");
                (server, client) = Namespaces(harness.Stderr + harness.Stdout);
                inside = await BrowserPidsAsync(client);
                harness.Signal("KILL");
                await harness.WaitForExitAsync();
            }
            var afterKill = (Exists(server), Exists(client));
            var browserEnded = await GoneAsync(inside);

            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", next, "--report-dir", reports.Root, "--no-color");

            Assert.That(afterKill, Is.EqualTo((true, true)), "a SIGKILLed run cannot remove its namespaces");
            Assert.That(browserEnded, Is.True, "the browser inside ends when its pipe to the killed harness closes");
            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(
                stderr + stdout,
                Does.Contain($"removed namespace {server} (left by an earlier run that was killed)")
                    .And.Contain($"removed namespace {client} (left by an earlier run that was killed)")
            );
            Assert.That((Exists(server), Exists(client)), Is.EqualTo((false, false)));
        }
        finally
        {
            File.Delete(file);
            File.Delete(next);
        }
    }

    private static string Scenario(string duration, string? browser) =>
        $$"""
            name: packet-client
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
              - phase: hold
                duration: {{duration}}
                toxics:
                  - { proxy: link, type: latency, stream: upstream, latency: 20ms }
                  - { proxy: link, type: latency, stream: downstream, latency: 20ms }
                  - { proxy: link, type: loss, probability: 2% }
            {{(browser is null ? "probes: [ { http: { name: api, url: /api/rooms/1, every: 200ms } } ]" : Browser(browser))}}
            """;

    private static string Browser(string executable) =>
        $$"""
            probes:
              - browser:
                  name: join
                  url: /room/1
                  every: 1s
                  executable: {{executable}}
                  participants: [ { name: far, namespace: client } ]
                  steps: [ { goto: /room/1 } ]
            thresholds:
              join: [ "checks{participant:far} rate == 100%" ]
            """;

    private static string Require()
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
            Assert.Ignore($"packet mode unavailable here: {why}");
        return Chromium.Require();
    }

    private static (string Server, string Client) Namespaces(string output)
    {
        var server = ServerLine().Match(output);
        var client = ClientLine().Match(output);
        Assert.That((server.Success, client.Success), Is.EqualTo((true, true)), output);
        return (server.Groups["ns"].Value, client.Groups["ns"].Value);
    }

    /// <summary>The chromium processes in the namespace (browsers start before the first phase; some grace for a slow machine).</summary>
    private static async Task<IReadOnlyList<int>> BrowserPidsAsync(string ns)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var pids = Ip("netns", "pids", ns)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(int.Parse)
                .Where(pid => Comm(pid).StartsWith("chrom", StringComparison.Ordinal))
                .ToList();
            if (pids.Count > 0)
                return pids;
            await Task.Delay(200);
        }
        return [];
    }

    private static async Task<bool> GoneAsync(IReadOnlyList<int> pids)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (pids.All(pid => Comm(pid).Length == 0))
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    private static string Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool Exists(string ns) =>
        Ip("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(l => l.Split(' ')[0] == ns);

    private static string Ip(params string[] arguments)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"packet mode: namespace (?<ns>hp-[0-9a-f]{6}-s)")]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"packet mode: client namespace (?<ns>hp-[0-9a-f]{6}-c)")]
    private static partial Regex ClientLine();
}

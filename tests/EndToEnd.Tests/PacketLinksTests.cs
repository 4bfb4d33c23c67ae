using System.Diagnostics;
using System.Text.RegularExpressions;
using Harness.Impairment.Packet.Namespaces;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// Two packet links through the real CLI: each proxy's service is reached across its own link, so a probe routed through
/// the near proxy meets the near link's delay and one routed through the far proxy the far link's; results.json counts
/// each link under its proxy's name; nothing of the run is left afterwards.
/// </summary>
[NonParallelizable]
public sealed partial class PacketLinksTests
{
    private static readonly string LiveRoom = Path.Combine(RepositoryPaths.Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");

    [Test]
    public async Task TwoLinks_EachProbeMeetsItsOwnLinksDelay_AndEachLinkIsCounted()
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
            Assert.Ignore($"packet mode unavailable here: {why}");
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario);
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            // The thresholds bound each probe's median from both sides (a doubled delay or the other link's fails them).
            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            using var results = reports.Results();
            var packet = results.RootElement.GetProperty("packet");
            var links = packet.GetProperty("links").EnumerateArray().ToList();
            Assert.That(links.Select(l => l.GetProperty("proxy").GetString()), Is.EqualTo(new[] { "near", "far" }));
            Assert.That(
                links[0].GetProperty("service_address").GetString(),
                Is.Not.EqualTo(links[1].GetProperty("service_address").GetString())
            );
            foreach (var (link, delay) in links.Zip(new[] { 15.0, 50.0 }))
            {
                var steady = link.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetString() == "steady");
                foreach (var direction in new[] { "upstream", "downstream" })
                {
                    var achieved = steady.GetProperty(direction).GetProperty("achieved");
                    Assert.That(achieved.GetProperty("packets").GetInt64(), Is.GreaterThan(20), $"{link} {direction}");
                    // Mean hold over the phase's packets: the few that crossed in the first 100 ms look, before the phase's
                    // toxics were set, were not held, so the mean sits a little under the configured delay.
                    Assert.That(
                        achieved.GetProperty("mean_added_delay_ms").GetDouble(),
                        Is.InRange(delay * 0.8, delay + 5),
                        $"{direction}"
                    );
                }
            }
            var ns = NamespaceLine().Match(stderr + stdout).Groups["ns"].Value;
            var id = PacketNames.IdOfNamespace(ns)!;
            var names = new PacketNames(id);
            Assert.That(stderr + stdout, Does.Contain($"packet mode: namespace {ns}, link (far) "));
            Assert.That(Ip("netns", "list"), Does.Not.Contain(ns), "the namespace is removed");
            Assert.That(
                Ip("-o", "link", "show"),
                Does.Not.Contain(names.HostDeviceOf(0) + ":").And.Not.Contain(names.HostDeviceOf(1) + ":")
            );
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Service(string name) =>
        $$"""
                  - name: {{name}}
                    command: [dotnet, "{{LiveRoom}}", --urls, "http://${service_address}:${port}"]
                    port: auto
                    ready_url: "http://${service_address}:${port}/healthz"
                    ready_timeout: 60s
            """;

    // Keep-alive connections: a request costs one round trip, 30 ms across near and 100 ms across far.
    private static string Scenario =>
        $$"""
            name: packet-links
            target: { allow_hosts: [near.test, far.test, 127.0.0.1] }
            services:
            {{Service("room-near")}}
            {{Service("room-far")}}
            network:
              mode: packet
              proxies:
                - { name: near, upstream: room-near, hosts: [near.test] }
                - { name: far, upstream: room-far, hosts: [far.test] }
            timeline:
              - phase: steady
                duration: 8s
                toxics:
                  - { proxy: near, type: latency, stream: upstream, latency: 15ms }
                  - { proxy: near, type: latency, stream: downstream, latency: 15ms }
                  - { proxy: far, type: latency, stream: upstream, latency: 50ms }
                  - { proxy: far, type: latency, stream: downstream, latency: 50ms }
            probes:
              - { http: { name: near-api, url: "http://near.test/api/rooms/1", every: 250ms } }
              - { http: { name: far-api, url: "http://far.test/api/rooms/1", every: 250ms } }
            thresholds:
              near-api: [ "http_req_failed rate == 0%", "http_req_duration med > 30ms", "http_req_duration med < 55ms" ]
              far-api: [ "http_req_failed rate == 0%", "http_req_duration med > 100ms", "http_req_duration med < 170ms" ]
            """;

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

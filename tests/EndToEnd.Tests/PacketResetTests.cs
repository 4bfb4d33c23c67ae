using System.Text.Json;
using Harness.Impairment.Packet.Namespaces;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// A <c>reset_connections</c> event in packet mode through the real CLI (needs root; skipped with the reason otherwise): the
/// link forges RSTs to both ends of the WebSocket connections crossing it, so the probe's kernel reports a reset, the clients
/// reconnect across the same link, and results.json counts the forged segments.
/// </summary>
[NonParallelizable]
public sealed class PacketResetTests
{
    private static readonly string LiveRoom = Path.Combine(RepositoryPaths.Root, "samples/LiveRoom/bin/Release/net10.0/LiveRoom.dll");

    [Test]
    public async Task ResetConnectionsEvent_WebSocketClientsSeeAReset_AndReconnect()
    {
        if (PacketPrivileges.WhyUnavailable() is { } why)
            Assert.Ignore($"packet mode unavailable here: {why}");
        using var reports = new ReportFolder();
        var file = FailureExitCodeTests.WriteScenario(Scenario);
        try
        {
            var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", file, "--report-dir", reports.Root, "--no-color");

            Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
            using var results = reports.Results();
            var root = results.RootElement;
            var room = root.GetProperty("probes").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "room");
            var resets = room.GetProperty("errors")
                .EnumerateArray()
                .Where(e => e.GetProperty("metric").GetString() == "ws_disconnects" && e.GetProperty("class").GetString() == "reset")
                .Sum(e => e.GetProperty("phases").TryGetProperty("reset", out var n) ? n.GetInt64() : 0);
            Assert.That(resets, Is.EqualTo(2), "each of the two clients' connections was reset once, in phase reset");
            var clients = room.GetProperty("websocket").GetProperty("clients").EnumerateArray().ToList();
            Assert.That(clients.Select(c => c.GetProperty("reconnects").GetInt64()), Is.All.EqualTo(1));
            var phase = root.GetProperty("packet")
                .GetProperty("phases")
                .EnumerateArray()
                .Single(p => p.GetProperty("phase").GetString() == "reset");
            foreach (var direction in new[] { "upstream", "downstream" })
            {
                var forged = phase.GetProperty(direction).GetProperty("achieved").GetProperty("resets_forged").GetInt64();
                // One or two RSTs for each live connection: the two WebSockets and, when still pooled, the readiness check's.
                Assert.That(forged, Is.InRange(2, 6), direction);
            }
            Assert.That(File.ReadAllText(Path.Combine(reports.SingleRun(), "summary.md")), Does.Contain("resets forged"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Scenario =>
        $$"""
            name: packet-reset
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
              - { phase: steady, duration: 3s }
              - { phase: reset, duration: 4s, events: [ { at: 1s, reset_connections: link } ] }
            probes:
              - websocket: { name: room, url: /ws/room/1, clients: 2, reconnect: immediate, stream: { sequence: seq, timestamp: ts } }
            """;
}

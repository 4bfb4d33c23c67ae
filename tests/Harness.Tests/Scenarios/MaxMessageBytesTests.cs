using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

/// <summary>
/// A WebSocket probe's <c>max_message_bytes</c>: read with a unit or as a number, 1 MiB by default, a located error for
/// a bad value, and used by the run (a message over it ends the session as <c>too_big</c>, naming the limit).
/// </summary>
public sealed class MaxMessageBytesTests
{
    private static LoadResult Load(string websocket, string baseUrl = "http://app.test") =>
        ScenarioLoader.LoadText(
            $$"""
            name: s
            target: { base_url: "{{baseUrl}}", allow_hosts: [app.test, 127.0.0.1] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - websocket: {{websocket}}
            """,
            "/tmp/s.yaml",
            "s.yaml"
        );

    private static int? Read(string websocket) => ((WebSocketProbeSpec?)Load(websocket).Scenario?.Probes[0])?.MaxMessageBytes;

    [TestCase("{ name: w, url: /ws }", 1048576)]
    [TestCase("{ name: w, url: /ws, max_message_bytes: 4096 }", 4096)]
    [TestCase("{ name: w, url: /ws, max_message_bytes: 64KiB }", 65536)]
    [TestCase("{ name: w, url: /ws, max_message_bytes: 2MB }", 2000000)]
    [TestCase("{ name: w, url: /ws, max_message_bytes: 1024MiB }", 1073741824)]
    public void MaxMessageBytes_IsRead_AndDefaultsTo1MiB(string websocket, int expected)
    {
        Assert.That(Load(websocket).Diagnostics, Is.Empty);
        Assert.That(Read(websocket), Is.EqualTo(expected));
    }

    [TestCase("-5", "is not a size")]
    [TestCase("0", "must be between 1 and 1073741824 bytes")]
    [TestCase("99999999999999999999999", "must be between 1 and 1073741824 bytes")]
    [TestCase("1025MiB", "must be between 1 and 1073741824 bytes")]
    [TestCase("lots", "is not a size")]
    [TestCase("1.5", "whole number of bytes")]
    public void MaxMessageBytes_BadValue_IsALocatedError(string value, string expected)
    {
        var result = Load($"{{ name: w, url: /ws, max_message_bytes: \"{value}\" }}");

        Assert.That(
            result.Diagnostics.Select(d => d.ToString()),
            Has.Some.Match($@"^s\.yaml:5:\d+: websocket probe max_message_bytes.*{System.Text.RegularExpressions.Regex.Escape(expected)}")
        );
    }

    [Test]
    public async Task RunAsync_MessageOverTheLimit_EndsTheSessionAsTooBig_NamingTheLimit()
    {
        var root = Directory.CreateTempSubdirectory("harness-max-message-").FullName;
        try
        {
            await using var server = FloodingServer.Message(4096);
            var load = Load($"{{ name: w, url: \"{server.Url}\", max_message_bytes: 1000 }}");
            Assert.That(load.Diagnostics.Select(d => d.ToString()), Is.Empty);
            var options = new RunOptions(root, 7, null, "harness run s.yaml")
            {
                Placement = new ReportPlacement(Path.Combine(root, "run"), "run-1", Path.Combine(root, "history.db")),
            };
            Directory.CreateDirectory(options.Placement.Directory);

            var results = (
                await new ScenarioRunner(TimeProvider.System, _ => { }).RunAsync(load.Scenario!, options, CancellationToken.None)
            ).Results;

            var errors = results.Probes.Single().Errors;
            Assert.That(
                errors.Select(e => (e.Metric, e.Class, e.Message)),
                Is.EqualTo(new[] { ("ws_disconnects", "too_big", "message too big: over 1000 bytes") })
            );
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

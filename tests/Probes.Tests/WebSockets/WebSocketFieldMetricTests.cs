using Harness.Probes.WebSockets;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>Numeric fields of received messages recorded as metrics of their own.</summary>
public sealed class WebSocketFieldMetricTests
{
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LiveRoomServer.StartAsync(o => o with { FrameRate = 50 });

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    [Test]
    public async Task MetricFields_RecordEachMessagesNumber_WithTheProbesTags()
    {
        using var cts = Timeouts.Bounded();
        var options = new WebSocketProbeOptions("ws", _server.WebSocketUri("/ws/room/fields"))
        {
            MetricFields = [new WebSocketFieldMetric("frame_seq", "seq"), new WebSocketFieldMetric("absent", "no.such.field")],
            Tags = new Dictionary<string, string> { ["client_version"] = "2.3" },
        };
        await using var run = ProbeRun.Start(new WebSocketProbe(options));
        await run.Sink.WaitForAsync("frame_seq", 5, cts.Token);
        await run.StopAsync(cts.Token);

        var seqs = run.Sink.Of("frame_seq");
        Assert.That(seqs.Select(s => s.Value), Is.Ordered.Ascending.And.All.GreaterThan(0));
        Assert.That(seqs.Select(s => s.Tag("client_version")), Is.All.EqualTo("2.3"));
        Assert.That(run.Sink.Of("absent"), Is.Empty);
    }

    [TestCase("Frame", "seq", "must be lower case letters")]
    [TestCase("ws_rtt", "seq", "is a built-in metric")]
    [TestCase("frame", "a..b", "is not a dotted path")]
    public void Invalid_IsRejected(string metric, string field, string expected)
    {
        var options = new WebSocketProbeOptions("ws", new Uri("ws://127.0.0.1:1/"))
        {
            MetricFields = [new WebSocketFieldMetric(metric, field)],
        };

        Assert.That(() => new WebSocketProbe(options), Throws.ArgumentException.With.Message.Contains(expected));
    }
}

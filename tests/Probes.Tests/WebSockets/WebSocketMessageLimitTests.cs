using Harness.Probes.Abstractions;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.WebSockets;

/// <summary>
/// A hostile or broken server cannot make the probe allocate without bound: a message over the probe's limit
/// (1 MiB by default) is cut off while it arrives, the connection is closed with 1009 (message too big), and the
/// session ends as a classified failure.
/// </summary>
public sealed class WebSocketMessageLimitTests
{
    private const long MiB = 1024 * 1024;

    // Generous (the limit is 1 MiB, the library assembles in pooled blocks) yet far below the 64 MiB a client
    // without a limit assembles (and copies) before it hands the message over.
    private const long AllocationBound = 16 * MiB;

    [Test]
    public async Task HugeMessageInManyFrames_IsCutOffAt1MiB_ClosedWith1009_AndReportedAsTooBig()
    {
        await using var server = FloodingServer.Message(64 * MiB);
        var (run, allocated) = await RunUntilDisconnectedAsync(new WebSocketProbeOptions("ws", server.Url));

        var closeCodes = await CloseCodesAsync(server);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allocated, Is.LessThan(AllocationBound), $"allocated {allocated / MiB} MiB while receiving a 64 MiB message");
            AssertTooBig(run, 1048576);
            Assert.That(run.Sink.Of(MetricNames.WsMsgsReceived), Is.Empty, "the oversized message is never handed over");
            Assert.That(closeCodes, Is.EqualTo(new int?[] { 1009 }), "the probe closed with 1009 (message too big)");
        }
    }

    [Test]
    public async Task EndlessMessageWithoutFin_IsCutOffAt1MiB_AndReportedAsTooBig()
    {
        await using var server = FloodingServer.WithoutFin(128 * MiB);
        var (run, allocated) = await RunUntilDisconnectedAsync(new WebSocketProbeOptions("ws", server.Url));

        var closeCodes = await CloseCodesAsync(server);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allocated, Is.LessThan(AllocationBound), $"allocated {allocated / MiB} MiB while receiving a message without end");
            AssertTooBig(run, 1048576);
            Assert.That(closeCodes, Is.EqualTo(new int?[] { 1009 }));
        }
    }

    [Test]
    public async Task MessageOfExactlyTheLimit_IsReceived()
    {
        await using var server = FloodingServer.Message(3 * FloodingServer.FrameBytes);
        var options = new WebSocketProbeOptions("ws", server.Url) { MaxMessageBytes = 3 * FloodingServer.FrameBytes };
        var (run, _) = await RunUntilDisconnectedAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Sink.Of(MetricNames.WsMsgsReceived), Has.Count.EqualTo(1));
            Assert.That(run.Sink.Of(MetricNames.WsDisconnects), Is.Empty);
            Assert.That(run.Errors.All, Is.Empty);
        }
    }

    [Test]
    public async Task MessageOneByteOverASetLimit_IsTooBig()
    {
        await using var server = FloodingServer.Message(3 * FloodingServer.FrameBytes + 1);
        var options = new WebSocketProbeOptions("ws", server.Url) { MaxMessageBytes = 3 * FloodingServer.FrameBytes };
        var (run, _) = await RunUntilDisconnectedAsync(options);
        var closeCodes = await CloseCodesAsync(server);

        using (Assert.EnterMultipleScope())
        {
            AssertTooBig(run, 3 * FloodingServer.FrameBytes);
            Assert.That(run.Sink.Of(MetricNames.WsMsgsReceived), Is.Empty);
            Assert.That(closeCodes, Is.EqualTo(new int?[] { 1009 }));
        }
    }

    private static void AssertTooBig(ProbeRun run, long limit)
    {
        var disconnects = run.Sink.Of(MetricNames.WsDisconnects);
        var errors = run.Errors.All;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(disconnects, Has.Count.EqualTo(1), "one session, ended by the limit");
            Assert.That(disconnects.Select(s => (s.Tag("cause"), s.Tag("error"))), Is.All.EqualTo(("1009", "too_big")));
            Assert.That(errors.Select(e => (e.Metric, e.Class)), Is.EqualTo(new[] { (MetricNames.WsDisconnects, "too_big") }));
            Assert.That(errors.Select(e => e.Message), Is.All.EqualTo($"message too big: over {limit} bytes"));
        }
    }

    /// <summary>
    /// Runs the probe until its session ends (or a message is handed over, or a generous bound passes), stops it,
    /// and returns the run with the bytes the whole process allocated meanwhile (the server's few included).
    /// </summary>
    private static async Task<(ProbeRun Run, long Allocated)> RunUntilDisconnectedAsync(WebSocketProbeOptions options)
    {
        var probe = new WebSocketProbe(options);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var run = ProbeRun.Start(probe);
        await using (run)
        {
            for (var i = 0; i < 2000; i++)
            {
                if (run.Sink.Of(MetricNames.WsDisconnects).Count > 0 || run.Sink.Of(MetricNames.WsMsgsReceived).Count > 0)
                    break;
                await Task.Delay(10);
            }
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await TestContext.Out.WriteLineAsync($"allocated {allocated / 1024} KiB");
        return (run, allocated);
    }

    private static async Task<IReadOnlyCollection<int?>> CloseCodesAsync(FloodingServer server)
    {
        for (var i = 0; i < 500 && server.CloseCodes.Count == 0; i++)
            await Task.Delay(10);
        return server.CloseCodes;
    }
}

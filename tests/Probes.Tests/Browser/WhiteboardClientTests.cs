using System.Text.Json;
using Harness.Probes.Browser;
using LiveRoom;
using LiveRoom.Incidents.Storm;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

/// <summary>
/// LiveRoom's whiteboard page client (incident 4) in a real browser: the bundle shows its version, joins the room,
/// and reconnects at once (LiveRoom:Storm:ImmediateReconnect) or after exponential backoff with full jitter.
/// </summary>
[Category("Browser")]
public sealed class WhiteboardClientTests : BrowserFixture
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Test]
    public async Task Backoff_DelaysGrowFromTheBaseToTheCapWithFullJitter()
    {
        var (probe, _) = await RunOnceAsync(
            Options(
                new GotoStep("/edge/1/whiteboard/1"),
                new ExpectTextStep("#bundle", "1.0.0") { Exact = true },
                new ExpectVisibleStep("#connected"),
                EvaluateStep.Expecting(
                    "(() => { Math.random = () => 1; return [1, 2, 3, 4, 5].map(whiteboard.delay); })()",
                    Json("[5000, 10000, 20000, 30000, 30000]")
                ),
                EvaluateStep.Expecting("(() => { Math.random = () => 0.5; return whiteboard.delay(2); })()", Json("5000"))
            )
        );

        var iteration = probe.Report.Iterations.Single();
        Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
    }

    [Test]
    public async Task Immediate_AClosedSocketIsReopenedAtOnce()
    {
        await using var server = await LiveRoomServer.StartAsync(o => o with { Storm = new StormOptions { ImmediateReconnect = true } });
        var (probe, _) = await RunOnceAsync(
            Options(
                new GotoStep("/whiteboard/1"),
                new ExpectVisibleStep("#connected"),
                EvaluateStep.Expecting("[1, 5, 50].map(whiteboard.delay)", Json("[0, 0, 0]")),
                new EvaluateStep("whiteboard.socket.close()"),
                new ExpectTextStep("#reconnects", "1") { Exact = true },
                new ExpectVisibleStep("#connected")
            ),
            ProbeRun.Route(Host, server.BaseUri)
        );

        var iteration = probe.Report.Iterations.Single();
        Assert.That(iteration.Passed, Is.True, () => string.Join("\n", iteration.Steps.Select(s => s.Error)));
    }
}

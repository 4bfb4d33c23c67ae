using Harness.Cli.Live;
using Harness.Orchestration.Monitoring;

namespace Harness.Tests.Cli;

public sealed class StatusLineTests
{
    [Test]
    public void Format_GivesPhaseElapsedClientsP95AndFailingThresholdsOnOneLine()
    {
        var line = StatusLine.Format(LiveRendererTests.Snapshot());

        Assert.That(
            line,
            Is.EqualTo(
                "status: phase degraded (2/2) 3.2/10.0 s | elapsed 14.3 s | clients: room 2/5 clients | p95 (last 5.0 s): api 209 ms, room 12.3 ms"
                    + " | thresholds: 1 passing, 1 failing, 1 no data yet | failing: api: http_req_failed rate < 5% (observed 0.25)"
            )
        );
    }

    [Test]
    public void Format_WhileSettingUpAndWithoutThresholds_KeepsOnlyWhatIsKnown()
    {
        var snapshot = new RunSnapshot(
            "smoke",
            TimeSpan.FromSeconds(2),
            null,
            2,
            false,
            [new ProbeSnapshot("api", "http", null, null, null, null, null, null, null)],
            []
        );

        Assert.That(StatusLine.Format(snapshot), Is.EqualTo("status: setting up | elapsed 2.0 s"));
    }

    [Test]
    public void Format_NoSamplesInTheWindow_ShowsADash()
    {
        var snapshot = new RunSnapshot(
            "smoke",
            TimeSpan.FromSeconds(20),
            new PhaseSnapshot("a", 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)),
            1,
            false,
            [new ProbeSnapshot("crowd", "load", new ClientCount("VUs", 0, null), "iteration_duration", null, null, null, null, null)],
            []
        );

        Assert.That(
            StatusLine.Format(snapshot),
            Is.EqualTo("status: phase a (1/1) 20.0/30.0 s | elapsed 20.0 s | clients: crowd 0 VUs | p95 (last 5.0 s): crowd - ms")
        );
    }
}

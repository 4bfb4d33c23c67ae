using Harness.Metrics;
using Harness.Orchestration.Monitoring;
using Harness.Probes.Abstractions;
using Harness.TestSupport;
using static Harness.Tests.Cli.MonitorScenarios;

namespace Harness.Tests.Cli;

public sealed class RunMonitorTests
{
    [Test]
    public void Snapshot_BeforeTheTimeline_ShowsSetupWithElapsedTimeAndNoDataYet()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(("api", "http_req_failed rate < 5%")), new MetricStore(), time);
        time.Advance(TimeSpan.FromSeconds(3));

        var snapshot = monitor.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Phase, Is.Null);
            Assert.That(snapshot.Finished, Is.False);
            Assert.That(snapshot.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(snapshot.PhaseCount, Is.EqualTo(3));
            Assert.That(snapshot.Thresholds.Single().State, Is.EqualTo(ThresholdState.NoData));
            Assert.That(snapshot.Probes.Select(p => p.P95), Is.All.Null);
        }
    }

    [Test]
    public void Snapshot_InAPhase_GivesItsNumberPlannedLengthAndTimeSpentSoFar()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        time.Advance(TimeSpan.FromSeconds(2));
        monitor.PhaseEntered(0, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(10));
        monitor.PhaseEntered(1, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(1.5));

        var phase = monitor.Snapshot().Phase;

        Assert.That(phase, Is.EqualTo(new PhaseSnapshot("slow", 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1.5))));
    }

    [Test]
    public void Snapshot_AfterFinish_FreezesElapsedTimes()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        monitor.PhaseEntered(0, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(4));
        monitor.Finish();
        time.Advance(TimeSpan.FromSeconds(30));

        var snapshot = monitor.Snapshot();

        Assert.That(
            (snapshot.Finished, snapshot.Elapsed, snapshot.Phase!.Elapsed),
            Is.EqualTo((true, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)))
        );
    }

    [Test]
    public void Snapshot_CountsConnectedClientsVusAndParticipantsPerProbe()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        var now = time.GetUtcNow();
        for (var i = 0; i < 3; i++)
            monitor.Sink.Add(Sample("room", MetricNames.WsConnecting, 4, now));
        monitor.Sink.Add(Sample("room", MetricNames.WsSessionDuration, 900, now)); // one session ended
        monitor.Sink.Add(Sample("crowd", MetricNames.Vus, 12, now));
        monitor.Sink.Add(Sample("crowd", MetricNames.Vus, 20, now));
        monitor.Sink.Add(Sample("join", MetricNames.BrowserStepDuration, 300, now, participant: "alice"));
        monitor.Sink.Add(Sample("join", MetricNames.BrowserStepDuration, 310, now, participant: "bob-1"));
        monitor.Sink.Add(Sample("join", MetricNames.BrowserStepDuration, 320, now, participant: "alice"));

        var clients = monitor.Snapshot().Probes.ToDictionary(p => p.Name, p => p.Clients);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clients["api"], Is.Null, "an HTTP probe has no clients to count");
            Assert.That(clients["room"], Is.EqualTo(new ClientCount("clients", 2, 5)));
            Assert.That(clients["crowd"], Is.EqualTo(new ClientCount("VUs", 20, null)));
            Assert.That(clients["join"], Is.EqualTo(new ClientCount("participants", 2, 3)));
        }
    }

    [Test]
    public void Snapshot_PercentilesCoverOnlyTheLastFewSeconds()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        for (var i = 0; i < 100; i++)
            monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 10, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= 100; i++)
            monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 200 + i, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(2));

        var api = monitor.Snapshot().Probes.Single(p => p.Name == "api");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(api.LatencyMetric, Is.EqualTo(MetricNames.HttpReqDuration));
            // The 10 ms samples are 12 s old: outside the 5 s window, so they pull nothing down.
            Assert.That(api.P50, Is.EqualTo(250).Within(1).Percent);
            Assert.That(api.P95, Is.EqualTo(295).Within(1).Percent);
            Assert.That(api.P99, Is.EqualTo(299).Within(1).Percent);
        }
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(monitor.Snapshot().Probes.Single(p => p.Name == "api").P95, Is.Null, "nothing in the last 5 s");
    }

    [Test]
    public void Snapshot_PrefersTheProbesMainLatencyMetricAndTakesBatchedHistograms()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        var now = time.GetUtcNow();
        monitor.Sink.Add(Sample("room", MetricNames.WsConnecting, 3, now));
        monitor.Sink.Add(Sample("room", MetricNames.WsFrameDelay, 120, now));
        var batch = new LogLinearHistogram();
        for (var i = 0; i < 50; i++)
            batch.Record(40);
        ((IHistogramSink)monitor.Sink).AddHistogram(MetricNames.IterationDuration, new SampleTags("crowd", "baseline"), now, batch);

        var probes = monitor.Snapshot().Probes.ToDictionary(p => p.Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(probes["room"].LatencyMetric, Is.EqualTo(MetricNames.WsFrameDelay), "frame delay says more than connect time");
            Assert.That(probes["room"].P50, Is.EqualTo(120).Within(1).Percent);
            Assert.That(probes["crowd"].LatencyMetric, Is.EqualTo(MetricNames.IterationDuration));
            Assert.That(probes["crowd"].P99, Is.EqualTo(40).Within(1).Percent);
        }
    }

    [Test]
    public void Snapshot_GivesRecentErrorAndLossRates()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(), new MetricStore(), time);
        var now = time.GetUtcNow();
        foreach (var failed in new[] { 0, 1, 0, 0 })
            monitor.Sink.Add(Sample("api", MetricNames.HttpReqFailed, failed, now));
        for (var i = 0; i < 9; i++)
            monitor.Sink.Add(Sample("room", MetricNames.WsMsgsReceived, 1, now));
        monitor.Sink.Add(Sample("room", MetricNames.WsMsgsLost, 1, now));
        monitor.Sink.Add(Sample("room", MetricNames.WsConnecting, 5, now));
        monitor.Sink.Add(Sample("room", MetricNames.WsHandshakeFailed, 1, now));
        foreach (var passed in new[] { 1, 1, 1, 0, 1 })
            monitor.Sink.Add(Sample("join", MetricNames.Checks, passed, now));

        var probes = monitor.Snapshot().Probes.ToDictionary(p => p.Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(probes["api"].ErrorRate, Is.EqualTo(0.25));
            Assert.That(probes["api"].LossRate, Is.Null);
            Assert.That(probes["room"].LossRate, Is.EqualTo(0.1).Within(1e-9));
            Assert.That(probes["room"].ErrorRate, Is.EqualTo(0.5), "one handshake refused, one accepted");
            Assert.That(probes["join"].ErrorRate, Is.EqualTo(0.2).Within(1e-9), "one check in five failed");
        }
    }

    [Test]
    public void Snapshot_JudgesThresholdsOnEverythingRecordedSoFar()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(
            WithThresholds(
                ("api", "http_req_failed rate < 5%"),
                ("api", "http_req_duration p(95) < 100ms"),
                ("api", "http_req_duration{phase:slow} med < 100ms"),
                ("room", "ws_frame_delay med < 100ms")
            ),
            new MetricStore(),
            time
        );
        monitor.PhaseEntered(0, time.GetUtcNow());
        for (var i = 0; i < 20; i++)
        {
            monitor.Sink.Add(Sample("api", MetricNames.HttpReqFailed, 0, time.GetUtcNow()));
            monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, i < 10 ? 50 : 300, time.GetUtcNow()));
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var states = monitor.Snapshot().Thresholds;

        Assert.That(
            states.Select(t => (t.Source, t.State)),
            Is.EqualTo(
                new[]
                {
                    ("http_req_failed rate < 5%", ThresholdState.Passing),
                    ("http_req_duration p(95) < 100ms", ThresholdState.Failing),
                    ("http_req_duration{phase:slow} med < 100ms", ThresholdState.NoData), // its phase has not started
                    ("ws_frame_delay med < 100ms", ThresholdState.NoData), // no samples yet
                }
            )
        );
        Assert.That(states[1].Observed, Is.EqualTo(300).Within(1).Percent);
        Assert.That(states[0].ObservedText, Is.EqualTo("0 %"), "the live view shows units: rates in percent");
        Assert.That(states[1].ObservedText, Does.EndWith(" ms"));
        Assert.That(states[3].ObservedText, Is.Null);

        monitor.PhaseEntered(1, time.GetUtcNow());
        monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 40, time.GetUtcNow(), phase: "slow"));
        Assert.That(monitor.Snapshot().Thresholds[2].State, Is.EqualTo(ThresholdState.Passing));
    }

    [Test]
    public void Snapshot_ReusesThresholdStatesForASecondUnlessThePhaseChanges()
    {
        var time = new ManualTimeProvider();
        var monitor = new RunMonitor(WithThresholds(("api", "http_req_duration max < 100ms")), new MetricStore(), time);
        monitor.PhaseEntered(0, time.GetUtcNow());
        monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 50, time.GetUtcNow()));
        var first = monitor.Snapshot().Thresholds.Single().State;

        monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 500, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMilliseconds(500));
        var withinASecond = monitor.Snapshot().Thresholds.Single().State;
        time.Advance(TimeSpan.FromMilliseconds(500));
        var afterASecond = monitor.Snapshot().Thresholds.Single().State;
        monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 20, time.GetUtcNow(), phase: "slow"));
        monitor.PhaseEntered(1, time.GetUtcNow());

        Assert.That(
            (first, withinASecond, afterASecond),
            Is.EqualTo((ThresholdState.Passing, ThresholdState.Passing, ThresholdState.Failing))
        );
        Assert.That(monitor.Snapshot().Thresholds.Single().Observed, Is.EqualTo(500).Within(1).Percent, "a new phase judges afresh");
    }

    [Test]
    public void Sink_PassesEverySampleOnToTheRunsStore()
    {
        var time = new ManualTimeProvider();
        var store = new MetricStore();
        var monitor = new RunMonitor(WithThresholds(), store, time);
        var batch = new LogLinearHistogram();
        batch.Record(0, 3);
        batch.Record(1, 1);

        monitor.Sink.Add(Sample("api", MetricNames.HttpReqDuration, 42, time.GetUtcNow()));
        monitor.Sink.Add(Sample("elsewhere", MetricNames.HttpReqDuration, 7, time.GetUtcNow())); // not a scenario probe: stored, not watched
        ((IHistogramSink)monitor.Sink).AddHistogram(
            MetricNames.HttpReqFailed,
            new SampleTags("crowd", "baseline"),
            time.GetUtcNow(),
            batch
        );

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Summarize("api", MetricNames.HttpReqDuration, null, TimeSpan.FromSeconds(1)).Max, Is.EqualTo(42));
            Assert.That(store.Summarize("elsewhere", MetricNames.HttpReqDuration, null, TimeSpan.FromSeconds(1)).Samples, Is.EqualTo(1));
            Assert.That(store.Summarize("crowd", MetricNames.HttpReqFailed, null, TimeSpan.FromSeconds(1)).Rate, Is.EqualTo(0.25));
            Assert.That(monitor.Snapshot().Probes.Single(p => p.Name == "crowd").ErrorRate, Is.EqualTo(0.25));
        }
    }
}

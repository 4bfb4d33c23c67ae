using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

public sealed class ProbeGroupTests
{
    private static readonly ProbeSpec Api = new HttpProbeSpec(
        "api",
        new Uri("http://127.0.0.1:9/"),
        "GET",
        TimeSpan.FromSeconds(1),
        200,
        TimeSpan.FromSeconds(1)
    );

    private sealed class ThrowingProbe(Exception error) : IProbe
    {
        public string Name => "api";

        public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw error;
        }
    }

    private sealed class SlowStartProbe : IPreparedProbe
    {
        public List<string> Calls { get; } = [];

        public string Name => "api";

        public Task PrepareAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            Calls.Add("prepare");
            return Task.CompletedTask;
        }

        public async Task RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            Calls.Add("run");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static ProbeContext Context() => new(new NullSink(), new PhaseClock("a"), TimeProvider.System, HostRoutes.None);

    private sealed class NullSink : ISampleSink
    {
        public void Add(in Sample sample) { }
    }

    [Test]
    public async Task Start_ProbeThrows_CrashIsReportedWithItsMessage()
    {
        var crashed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new ProbeGroup(_ => { }, m => crashed.TrySetResult(m))
        {
            Factory = _ => new ThrowingProbe(new InvalidOperationException("socket pool exhausted")),
        };

        group.Start([Api], _ => Context(), CancellationToken.None);
        var message = await crashed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await group.StopAsync(TimeSpan.FromSeconds(5));

        Assert.That(message, Is.EqualTo("probe api crashed: InvalidOperationException: socket pool exhausted"));
    }

    [Test]
    public async Task Timeline_ProbeCrashesMidPhase_RunStopsAtOnceWithTheCrashAsItsFault()
    {
        var time = new Harness.TestSupport.ManualTimeProvider();
        var scenario = new Scenario(
            "t",
            null,
            [],
            1,
            "/tmp/t.yaml",
            new TargetSpec(null, []),
            [],
            new NetworkSpec(null, []),
            [new PhaseSpec("steady", TimeSpan.FromMinutes(10), [])],
            [Api],
            []
        );
        var session = new ImpairmentSession(new FakeToxiproxyClient(), "run-", _ => { });
        var state = new RunState(scenario, 1, "r", new RunOptions("/tmp", null, null, "cmd"), time.GetUtcNow());
        using var faults = new RunFaults();
        var probes = new ProbeGroup(_ => { }, faults.Raise)
        {
            Factory = _ => new ThrowingProbe(new InvalidOperationException("socket pool exhausted")),
        };
        var clock = new PhaseClock("steady");

        var run = new Timeline(time, session, clock, probes, _ => { }).RunAsync(scenario, Context(), state, faults.Token);

        // Fake time never moves: only the crash can end the ten-minute phase.
        Assert.That(async () => await run.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(faults.Errors, Is.EqualTo(new[] { "probe api crashed: InvalidOperationException: socket pool exhausted" }));
        await probes.StopAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task PrepareAsync_PreparedProbe_IsPreparedOnceBeforeItRunsAndTheSameInstanceRuns()
    {
        var built = 0;
        var probe = new SlowStartProbe();
        var group = new ProbeGroup(_ => { })
        {
            Factory = _ =>
            {
                built++;
                return probe;
            },
        };

        await group.PrepareAsync([Api], _ => Context(), CancellationToken.None);
        group.Start([Api], _ => Context(), CancellationToken.None);
        await group.StopAsync(TimeSpan.FromSeconds(5));

        Assert.That(probe.Calls, Is.EqualTo(new[] { "prepare", "run" }));
        Assert.That(built, Is.EqualTo(1));
    }

    [Test]
    public async Task PrepareAsync_ProbeCannotStart_IsAnInfrastructureErrorNamingIt()
    {
        var group = new ProbeGroup(_ => { }) { Factory = _ => new FailingStartProbe() };

        var error = await Assert.ThrowsAsync<InfrastructureException>(() =>
            group.PrepareAsync([Api], _ => Context(), CancellationToken.None)
        );

        Assert.That(error!.Message, Is.EqualTo("probe api could not start: no browser at /opt/none"));
    }

    private sealed class FailingStartProbe : IPreparedProbe
    {
        public string Name => "api";

        public Task PrepareAsync(ProbeContext context, CancellationToken cancellationToken) =>
            throw new FileNotFoundException("no browser at /opt/none");

        public Task RunAsync(ProbeContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

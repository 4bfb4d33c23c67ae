using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

public sealed class ProbeGroupTests
{
    private static readonly ProbeSpec Api = new HttpProbeSpec("api", new Uri("http://127.0.0.1:9/"), "GET", TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(1));

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
        public void Add(in Sample sample)
        {
        }
    }

    [Test]
    public async Task Start_ProbeThrows_CrashIsReportedWithItsMessage()
    {
        var crashed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new ProbeGroup(_ => { }, m => crashed.TrySetResult(m)) { Factory = _ => new ThrowingProbe(new InvalidOperationException("socket pool exhausted")) };

        group.Start([Api], _ => Context(), CancellationToken.None);
        var message = await crashed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await group.StopAsync(TimeSpan.FromSeconds(5));

        Assert.That(message, Is.EqualTo("probe api crashed: InvalidOperationException: socket pool exhausted"));
    }

    [Test]
    public async Task PrepareAsync_PreparedProbe_IsPreparedOnceBeforeItRunsAndTheSameInstanceRuns()
    {
        var built = 0;
        var probe = new SlowStartProbe();
        var group = new ProbeGroup(_ => { }) { Factory = _ => { built++; return probe; } };

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

        var error = await Assert.ThrowsAsync<InfrastructureException>(() => group.PrepareAsync([Api], _ => Context(), CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("probe api could not start: no browser at /opt/none"));
    }

    private sealed class FailingStartProbe : IPreparedProbe
    {
        public string Name => "api";

        public Task PrepareAsync(ProbeContext context, CancellationToken cancellationToken) => throw new FileNotFoundException("no browser at /opt/none");

        public Task RunAsync(ProbeContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

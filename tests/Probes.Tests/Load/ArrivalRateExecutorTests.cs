using System.Threading.Channels;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;
using Harness.Probes.Load;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.Load;

public sealed class ArrivalRateExecutorTests
{
    /// <summary>Reports the (fake) time each iteration starts; then finishes at once, or hangs until cut.</summary>
    private sealed class FakeIteration(TimeProvider time, bool hang) : ILoadIteration
    {
        public Channel<DateTimeOffset> Started { get; } = Channel.CreateUnbounded<DateTimeOffset>();

        public async Task<bool?> RunAsync(int vu, CancellationToken cancellationToken)
        {
            Started.Writer.TryWrite(time.GetUtcNow());
            if (!hang)
                return true;
            await cancellationToken.WhenCancelledAsync();
            return null;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static readonly DateTimeOffset Start = new ManualTimeProvider().GetUtcNow();

    /// <summary>Runs 10 arrivals in one fake second; returns the samples and the offsets at which iterations started.</summary>
    private static async Task<(CollectingSink Sink, List<TimeSpan> Starts)> RunAsync(int maxVus, bool hang)
    {
        using var bound = Timeouts.Bounded();
        var time = new RecordingTimeProvider();
        var sink = new CollectingSink();
        var iteration = new FakeIteration(time, hang);
        var samples = new SampleWriter(new ProbeContext(sink, new TestPhase(), time, HostRoutes.None), "load");
        using var budget = new IterationBudget(null);
        using var stop = new CancellationTokenSource();
        var run = new LoadRun(iteration, samples, budget, stop.Token, stop.Token);
        var shape = new ConstantArrivalRate(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, maxVus);
        var running = new ArrivalRateExecutor(ArrivalSchedule.For(shape), shape.PreAllocatedVus, shape.MaxVus).RunAsync(run);

        var starts = new List<TimeSpan>();
        for (var arrival = 0; arrival < 10; arrival++)
        {
            if (arrival < maxVus)
                starts.Add(await iteration.Started.Reader.ReadAsync(bound.Token) - Start);
            if (arrival < 9)
                time.Advance(await time.NextTimerAsync(TimeSpan.FromSeconds(10))); // the wait for the next arrival
        }
        if (hang)
            await sink.WaitForAsync(MetricNames.DroppedIterations, 10 - maxVus, bound.Token);
        await stop.CancelAsync(); // cuts hung iterations
        await running.WaitAsync(bound.Token);
        return (sink, starts);
    }

    [Test]
    public async Task ConstantArrivalRate_FakeTime_StartsExactlyOnScheduleWithoutDrift()
    {
        var (sink, starts) = await RunAsync(maxVus: 10, hang: false);

        Assert.That(starts, Is.EqualTo(Enumerable.Range(0, 10).Select(k => TimeSpan.FromMilliseconds(100 * k))));
        Assert.That(sink.Of(MetricNames.Iterations), Has.Count.EqualTo(10));
        Assert.That(sink.Of(MetricNames.DroppedIterations), Is.Empty);
    }

    [Test]
    public async Task ConstantArrivalRate_FakeTimeVusHang_DropsWhatFindsNoVu()
    {
        var (sink, starts) = await RunAsync(maxVus: 3, hang: true);

        Assert.That(starts, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200) }));
        Assert.That(sink.Of(MetricNames.DroppedIterations), Has.Count.EqualTo(7));
        var vus = sink.Of(MetricNames.Vus).Select(s => s.Value).ToList();
        Assert.That(vus.Take(3), Is.EqualTo(new[] { 1d, 2, 3 }), "a VU added per busy arrival, up to MaxVus");
        Assert.That(vus[^1], Is.Zero);
    }
}

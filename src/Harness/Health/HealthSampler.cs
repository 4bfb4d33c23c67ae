using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Health;

/// <summary>
/// Samples the harness's own health while a run's timeline plays: every <see cref="Tick"/> how late a timer fired
/// (<see cref="HealthMetrics.TimerLag"/>), and every second the process CPU, thread-pool queue and threads, GC pause
/// and the machine's load. Samples carry the phase active when they were taken and go to a store of their own.
/// The loops run on the thread pool on purpose: a late tick here is a late tick for every probe.
/// </summary>
public sealed class HealthSampler : IAsyncDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly IPhaseSource _phase;
    private readonly IProcessStats _process;
    private readonly ILoadAverage _load;
    private readonly CancellationTokenSource _stop = new();
    private Task _loops = Task.CompletedTask;
    private (long At, TimeSpan Cpu, TimeSpan Gc)? _last;

    public HealthSampler(TimeProvider time, IPhaseSource phase, IProcessStats process, ILoadAverage load)
    {
        (_time, _phase, _process, _load) = (time, phase, process, load);
    }

    public MetricStore Store { get; } = new();

    public int Cores => _load.Cores;

    /// <summary>Starts sampling the real process and machine.</summary>
    public static HealthSampler Start(TimeProvider time, IPhaseSource phase)
    {
        var sampler = new HealthSampler(time, phase, new RuntimeProcessStats(), new ProcLoadAverage());
        sampler.StartLoops();
        return sampler;
    }

    public void StartLoops()
    {
        SampleSecond();
        _loops = Task.WhenAll(LoopAsync(Tick, elapsed => RecordLag(elapsed - Tick)), LoopAsync(Second, _ => SampleSecond()));
    }

    /// <summary>Records one tick that fired <paramref name="lag"/> after it was due.</summary>
    public void RecordLag(TimeSpan lag) => Record(HealthMetrics.TimerLag, Math.Max(0, lag.TotalMilliseconds));

    /// <summary>Reads the process and the machine; CPU and GC pause are the change since the previous reading.</summary>
    public void SampleSecond()
    {
        var now = _time.GetTimestamp();
        var (cpu, gc) = (_process.CpuTime, _process.GcPauseTotal);
        if (_last is { } last)
        {
            var wall = _time.GetElapsedTime(last.At, now);
            if (wall > TimeSpan.Zero)
            {
                Record(HealthMetrics.Cpu, 100 * (cpu - last.Cpu).TotalMilliseconds / (wall.TotalMilliseconds * Math.Max(1, _load.Cores)));
                Record(HealthMetrics.GcPause, (gc - last.Gc).TotalMilliseconds);
            }
        }
        _last = (now, cpu, gc);
        Record(HealthMetrics.ThreadPoolQueue, _process.ThreadPoolQueue);
        Record(HealthMetrics.Threads, _process.ThreadCount);
        if (_load.OneMinute() is { } load)
        {
            Record(HealthMetrics.Load, load);
            Record(HealthMetrics.LoadPerCore, load / Math.Max(1, _load.Cores));
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Record(string metric, double value) =>
        Store.Add(new Sample(metric, value, _time.GetUtcNow(), new SampleTags(HealthMetrics.Source, _phase.Current)));

    private async Task LoopAsync(TimeSpan period, Action<TimeSpan> onTick)
    {
        try
        {
            while (true)
            {
                var before = _time.GetTimestamp();
                await Task.Delay(period, _time, _stop.Token).ConfigureAwait(false);
                onTick(_time.GetElapsedTime(before));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped with the timeline.
        }
    }
}

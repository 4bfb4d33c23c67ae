using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Harness.Impairment.Timing;

namespace Harness.Impairment.Bench.Timing;

/// <summary>
/// <c>delay-probe [--seconds N]</c>: the delay scheduler alone, in this process, without sockets. Ten streams (started
/// 10 ms apart, as the table's latency row) each wait 100 ms again and again; for every release it records how late
/// the continuation ran (on the scheduler's thread) and how late a writer task on the thread pool saw it through an
/// unbounded channel (the hop a released chunk makes to the socket writer). Then the process CPU time per second
/// with the scheduler idle but armed (one wait an hour away) and while busy (the ten streams).
/// </summary>
internal static class DelayProbeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 10;
        if (args is ["--seconds", var value] && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            seconds = parsed;
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("delay-probe: usage: delay-probe [--seconds N] (N a positive whole number)");
            return 2;
        }
        Console.WriteLine($"# delay-probe: 3 rounds of {seconds} s busy per mode, modes interleaved; loadavg before {BenchRunner.LoadAverage()}");
        var modes = new[] { ("precise sleep", true), ("yield", false) };
        var results = modes.ToDictionary(m => m.Item1, _ => (Inline: new List<double>(), Hopped: new List<double>(), Idle: new List<double>(), Busy: new List<double>(), Thread: new List<double>()));
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, precise) in round % 2 == 0 ? modes : modes.Reverse())
            {
                var scheduler = new DelayScheduler(precise);
                var r = results[name];
                using var far = new CancellationTokenSource();
                var armed = scheduler.WaitUntilAsync(Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromHours(1)), far.Token);
                await Task.Delay(200);
                r.Idle.Add(await CpuPerSecondAsync(() => Task.Delay(TimeSpan.FromSeconds(2))));
                var threadCpu = SchedulerThreadCpuMs();
                var started = Stopwatch.GetTimestamp();
                r.Busy.Add(await CpuPerSecondAsync(() => StreamsAsync(scheduler, seconds, r.Inline, r.Hopped)));
                r.Thread.Add((SchedulerThreadCpuMs() - threadCpu) / Stopwatch.GetElapsedTime(started).TotalSeconds);
                await far.CancelAsync();
                await armed;
                Console.WriteLine($"round {round + 1} {name} (precise: {scheduler.Precise}): [loadavg {BenchRunner.LoadAverage()}]");
            }
        }
        foreach (var (name, r) in results)
        {
            Console.WriteLine($"{name}: release lateness, continuation (µs): {Summary(r.Inline)}");
            Console.WriteLine($"{name}: release lateness, after the pool hop (µs): {Summary(r.Hopped)}");
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: process CPU ms per s, idle but armed {Stats.Median(r.Idle):F2}, busy (100 releases/s) {Stats.Median(r.Busy):F2}; "
                        + $"the scheduler thread's own while busy {Stats.Median(r.Thread):F2}"
                )
            );
        }
        Console.WriteLine($"loadavg after {BenchRunner.LoadAverage()}");
        return 0;
    }

    private static async Task StreamsAsync(DelayScheduler scheduler, int seconds, List<double> inline, List<double> hopped)
    {
        var channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var due in channel.Reader.ReadAllAsync())
                hopped.Add(Micro(Stopwatch.GetTimestamp() - due));
        });
        var end = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromSeconds(seconds));
        var gate = new object();
        await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(async s =>
                {
                    await Task.Delay(10 * s);
                    while (Stopwatch.GetTimestamp() < end)
                    {
                        var due = Stopwatch.GetTimestamp() + DelayScheduler.Ticks(TimeSpan.FromMilliseconds(100));
                        await scheduler.WaitUntilAsync(due, CancellationToken.None).ConfigureAwait(false);
                        var late = Micro(Stopwatch.GetTimestamp() - due);
                        lock (gate)
                            inline.Add(late);
                        channel.Writer.TryWrite(due);
                    }
                })
        );
        channel.Writer.Complete();
        await writer;
    }

    private static async Task<double> CpuPerSecondAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await work();
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalMilliseconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    // User + system time of the scheduler threads (comm truncated to 15 characters by the kernel), from /proc, in ms.
    private static double SchedulerThreadCpuMs()
    {
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        var total = 0L;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (!DelayScheduler.ThreadName.StartsWith(File.ReadAllText(Path.Combine(task, "comm")).Trim(), StringComparison.Ordinal))
                    continue;
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        return total * 1000 / ticksPerSecond;
    }

    private static double Micro(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    private static string Summary(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"n={sorted.Length} min {sorted[0]:F0} p50 {Stats.Percentile(sorted, 0.5):F0} p99 {Stats.Percentile(sorted, 0.99):F0} max {sorted[^1]:F0}"
        );
    }
}

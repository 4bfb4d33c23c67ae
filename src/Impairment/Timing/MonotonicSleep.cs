using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Harness.Impairment.Timing;

/// <summary>
/// A sleep to an absolute <see cref="Stopwatch"/> timestamp, precise to the kernel's high-resolution timers (Linux:
/// <c>clock_nanosleep</c> on <c>CLOCK_MONOTONIC</c>, the clock <see cref="Stopwatch"/> reads there, in nanoseconds).
/// .NET's own waits take whole milliseconds; this one sleeps to the nanosecond and returns at or after the instant,
/// never before. <see cref="Available"/> is false on other systems or if the two clocks disagree.
/// </summary>
internal static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const int Interrupted = 4;
    private const int SetTimerSlack = 29;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>True where <see cref="Until"/> can be used: Linux, with Stopwatch on CLOCK_MONOTONIC in nanoseconds.</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && Stopwatch.Frequency == NanosPerSecond && ClocksAgree();

    /// <summary>Sleeps until <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="timestamp"/> (or a little after).</summary>
    public static void Until(long timestamp)
    {
        var request = new Timespec { Seconds = timestamp / NanosPerSecond, Nanoseconds = timestamp % NanosPerSecond };
        while (ClockNanosleep(ClockMonotonic, AbsoluteTime, in request, IntPtr.Zero) == Interrupted) { }
    }

    /// <summary>
    /// Lets the calling thread's timed sleeps end within a nanosecond instead of the default 50 µs of timer slack
    /// (the kernel may otherwise merge its wake-up with others up to that much later). Best effort.
    /// </summary>
    public static void TightenTimerSlack() => _ = Prctl(SetTimerSlack, 1, 0, 0, 0);

    private static bool ClocksAgree()
    {
        try
        {
            var before = Stopwatch.GetTimestamp();
            if (ClockGettime(ClockMonotonic, out var now) != 0)
                return false;
            var after = Stopwatch.GetTimestamp();
            var native = now.Seconds * NanosPerSecond + now.Nanoseconds;
            return native >= before && native <= after;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // Returns the error number itself (0 on success), not -1 and errno.
    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGettime(int clock, out Timespec now);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint value, nuint unused1, nuint unused2, nuint unused3);
}

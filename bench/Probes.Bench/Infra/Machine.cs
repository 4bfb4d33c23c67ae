using System.Diagnostics;
using System.Globalization;

namespace Harness.Probes.Bench.Infra;

/// <summary>What the bench records about its own process and the box: RSS, CPU time, load, open files.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average as /proc/loadavg reports it, e.g. "0.42 0.30 0.21".</summary>
    public static string Load()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return string.Join(' ', parts[..3]);
    }

    /// <summary>Resident set size of a process in bytes (VmRSS), or of this process; -1 when unreadable.</summary>
    public static long Rss(int? pid = null) => StatusKb(pid, "VmRSS:") * 1024;

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakRss(int? pid = null) => StatusKb(pid, "VmHWM:") * 1024;

    public static int OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;

    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>User + system CPU time of a process from /proc/PID/stat (clock ticks of 10 ms); zero when unreadable.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    private static long StatusKb(int? pid, string key)
    {
        try
        {
            var path = pid is { } p ? $"/proc/{p}/status" : "/proc/self/status";
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith(key, StringComparison.Ordinal))
                    continue;
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException) { }
        return -1;
    }
}

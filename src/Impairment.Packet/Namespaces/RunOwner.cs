using System.Globalization;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>
/// A process identified by its pid and its start time (clock ticks since boot, /proc/PID/stat field 22),
/// so a reused pid does not pass for the process that created a namespace.
/// </summary>
internal readonly record struct RunOwner(int Pid, long StartTime)
{
    public static RunOwner Current => new(Environment.ProcessId, StartTimeOf(Environment.ProcessId) ?? 0);

    public bool IsAlive => StartTimeOf(Pid) is { } start && start == StartTime;

    public override string ToString() => $"{Pid.ToString(CultureInfo.InvariantCulture)} {StartTime.ToString(CultureInfo.InvariantCulture)}";

    public static RunOwner? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return
            parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new RunOwner(pid, start)
            : null;
    }

    private static long? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Globalization;

namespace Harness.Health;

/// <summary>The machine's load; behind an interface so the sampler is tested with fakes.</summary>
public interface ILoadAverage
{
    /// <summary>The 1-minute load average, or null where the platform has none (no /proc/loadavg).</summary>
    double? OneMinute();

    /// <summary>Cores the process may use.</summary>
    int Cores { get; }
}

/// <summary>Linux's /proc/loadavg ("0.24 0.54 0.26 3/102 6612": the first field is the 1-minute average).</summary>
internal sealed class ProcLoadAverage(string path = "/proc/loadavg") : ILoadAverage
{
    public int Cores { get; } = Environment.ProcessorCount;

    public double? OneMinute()
    {
        try
        {
            return Parse(File.ReadAllText(path));
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

    public static double? Parse(string text)
    {
        var first = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}

using System.Globalization;

namespace Harness.PacketLink.Bench;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile of already sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    public static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg.</summary>
    public static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    public static double Load1() => double.Parse(Load().Split(' ')[0], CultureInfo.InvariantCulture);
}

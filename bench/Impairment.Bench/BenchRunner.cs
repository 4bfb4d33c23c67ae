using System.Globalization;

namespace Harness.Impairment.Bench;

/// <summary>Repeats a benchmark, prints every run with the load average, then the medians, the target and the verdict.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options, IBenchmark bench)
    {
        Console.WriteLine($"# {bench.Name}: {options.Runs} runs; target: {bench.Target}");
        var runs = new List<IReadOnlyDictionary<string, double>>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var figures = await bench.RunOnceAsync(run).ConfigureAwait(false);
            runs.Add(figures);
            Console.WriteLine($"run {run}: {Format(figures)}  [loadavg {LoadAverage()}]");
        }
        var medians = runs[0].Keys.ToDictionary(k => k, k => Stats.Median(runs.Select(r => r[k])));
        Console.WriteLine($"median: {Format(medians)}");
        Console.WriteLine($"verdict: {bench.Verdict(medians)}");
        return 0;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Format(IReadOnlyDictionary<string, double> figures) =>
        string.Join("  ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}={f.Value:0.###}")));
}

using System.Globalization;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// <c>startup --ours "CMD" [--runs N]</c>: only the start-up rows (start to first GET /version, RSS 1 s later) of one
/// server command line, N times one after the other; prints each run and the medians (for comparing builds).
/// </summary>
internal static class StartupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[0] != "--ours")
        {
            Console.Error.WriteLine("usage: Impairment.Bench startup --ours \"CMD\" [--runs N]");
            return 2;
        }
        var command = args[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var runs = args.Length >= 4 && args[2] == "--runs" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var (starts, rss) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            await using var server = await ServerUnderTest.StartAsync(command);
            await Task.Delay(1000);
            starts.Add(server.Startup.TotalSeconds);
            rss.Add(server.ResidentBytes() / 1048576.0);
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"run {i + 1}: start_s={starts[^1]:0.000} idle_rss_MiB={rss[^1]:0.0}  [loadavg {BenchRunner.LoadAverage()}]"
                )
            );
        }
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"median: start_s={Stats.Median(starts):0.000} idle_rss_MiB={Stats.Median(rss):0.0}"
            )
        );
        return 0;
    }
}

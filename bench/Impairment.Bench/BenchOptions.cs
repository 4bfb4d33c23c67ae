using System.Globalization;

namespace Harness.Impairment.Bench;

/// <summary>Command-line knobs shared by every benchmark: <c>--runs N</c> (default 5) and <c>--seed N</c> (serve).</summary>
internal sealed record BenchOptions(int Runs, long? Seed)
{
    public static BenchOptions Parse(string[] args)
    {
        var runs = 5;
        long? seed = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--runs")
                runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--seed")
                seed = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else
                throw new ArgumentException($"unknown option {args[i]}");
        }
        return new BenchOptions(runs, seed);
    }
}

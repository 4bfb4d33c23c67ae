using System.Globalization;

namespace Harness.PacketLink.Bench;

/// <summary>Rounds of the interleaved measurements, seconds per TCP transfer, UDP echoes per path and round.</summary>
internal sealed record BenchOptions(int Rounds, int Seconds, int Echoes)
{
    public static bool TryParse(string[] args, out BenchOptions options, out string error)
    {
        options = new BenchOptions(5, 5, 2000);
        error = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                return Fail($"{args[i]} needs a value", out error);
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return Fail($"{args[i]} needs a whole number of at least 1, not '{args[i + 1]}'", out error);
            }
            switch (args[i])
            {
                case "--rounds":
                    options = options with { Rounds = value };
                    break;
                case "--seconds":
                    options = options with { Seconds = value };
                    break;
                case "--echoes":
                    options = options with { Echoes = value };
                    break;
                default:
                    return Fail($"unknown option '{args[i]}'", out error);
            }
        }
        return true;
    }

    private static bool Fail(string why, out string error)
    {
        error = why;
        return false;
    }
}

using System.Globalization;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// <c>table [--rounds N] [--toxiproxy-server PATH] [--ours CMD] [--peer-trials N] [--echo-samples N]</c>.
/// <c>--ours</c> is the command line of our server (default: <c>dotnet src/Harness/bin/Release/net10.0/harness.dll
/// toxiproxy</c>, split on spaces).
/// </summary>
internal sealed record TableOptions(int Rounds, string? Toxiproxy, IReadOnlyList<string> Ours, int PeerTrials, int EchoSamples)
{
    public static TableOptions Parse(string[] args)
    {
        var (rounds, peer, echo) = (5, 100, 10_000);
        string? toxiproxy = null;
        IReadOnlyList<string>? ours = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"option {args[i]} needs a value");
            var value = args[i + 1];
            switch (args[i])
            {
                case "--rounds": rounds = Positive(args[i], value); break;
                case "--peer-trials": peer = Positive(args[i], value); break;
                case "--echo-samples": echo = Positive(args[i], value); break;
                case "--toxiproxy-server":
                    toxiproxy = File.Exists(value) ? Path.GetFullPath(value) : throw new ArgumentException($"--toxiproxy-server: no file {value}");
                    break;
                case "--ours": ours = value.Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new TableOptions(rounds, toxiproxy, ours ?? DefaultOurs(), peer, echo);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"{name}: expected a positive integer, got '{value}'");

    private static string[] DefaultOurs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src/Harness/bin/Release/net10.0/harness.dll");
            return File.Exists(dll) ? ["dotnet", dll, "toxiproxy"]
                : throw new ArgumentException($"{dll} is missing: build it (./harness --help) or pass --ours");
        }
        throw new ArgumentException("cannot find the repository (Harness.sln) above the benchmark: pass --ours");
    }
}

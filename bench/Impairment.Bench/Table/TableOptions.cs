using System.Globalization;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// <c>table [--rounds N] [--toxiproxy-server PATH] [--ours CMD] [--peer-trials N] [--echo-samples N] [--rows LIST]</c>.
/// <c>--ours</c> is the command line of our server (default: <c>dotnet src/Harness/bin/Release/net10.0/harness.dll
/// toxiproxy</c>, split on spaces). <c>--rows</c> runs only some rows, comma-separated from <see cref="AllRows"/>
/// (start-up and idle RSS are measured whatever is chosen).
/// </summary>
internal sealed record TableOptions(int Rounds, string? Toxiproxy, IReadOnlyList<string> Ours, int PeerTrials, int EchoSamples)
{
    public static readonly IReadOnlyList<string> AllRows = ["bulk", "echo", "open", "latency", "toxic", "peer"];

    public IReadOnlySet<string> Rows { get; init; } = AllRows.ToHashSet(StringComparer.Ordinal);

    public static TableOptions Parse(string[] args)
    {
        var (rounds, peer, echo) = (5, 100, 10_000);
        string? toxiproxy = null;
        IReadOnlyList<string>? ours = null;
        IReadOnlySet<string>? rows = null;
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
                case "--rows": rows = ParseRows(value); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new TableOptions(rounds, toxiproxy, ours ?? DefaultOurs(), peer, echo)
        {
            Rows = rows ?? AllRows.ToHashSet(StringComparer.Ordinal),
        };
    }

    private static HashSet<string> ParseRows(string value)
    {
        var rows = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = rows.Where(r => !AllRows.Contains(r)).ToList();
        if (rows.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"--rows: unknown row '{string.Join(',', unknown)}' (rows: {string.Join(',', AllRows)})");
        }
        return rows;
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

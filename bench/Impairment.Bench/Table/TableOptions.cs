using System.Globalization;

namespace Harness.Impairment.Bench.Table;

/// <summary>
/// <c>table [--rounds N] [--toxiproxy-server PATH] [--ours CMD] [--ours-start CMD] [--peer-trials N] [--echo-samples N]
/// [--rows LIST]</c>. <c>--ours</c> is the command line of our server (default: <c>dotnet
/// src/Harness/bin/Release/net10.0/harness.dll toxiproxy</c>, split on spaces). <c>--ours-start</c> is the one whose
/// start-up and idle RSS rows are ours (default: the NativeAOT <c>harness-toxiproxy</c> when published to its default
/// folder, else <c>--ours</c>). <c>--rows</c> runs only some rows, comma-separated from <see cref="AllRows"/>
/// (start-up and idle RSS are measured whatever is chosen).
/// </summary>
internal sealed record TableOptions(int Rounds, string? Toxiproxy, IReadOnlyList<string> Ours, int PeerTrials, int EchoSamples)
{
    public static readonly IReadOnlyList<string> AllRows = ["bulk", "echo", "open", "latency", "toxic", "peer"];

    public IReadOnlySet<string> Rows { get; init; } = AllRows.ToHashSet(StringComparer.Ordinal);

    /// <summary>Where <c>dotnet publish src/Impairment.Server.Host -c Release -r linux-x64</c> puts the AOT server.</summary>
    public const string AotServer = "src/Impairment.Server.Host/bin/Release/net10.0/linux-x64/publish/harness-toxiproxy";

    /// <summary>The command line whose start-up and idle RSS rows are reported as ours.</summary>
    public IReadOnlyList<string> OursStart { get; init; } = Ours;

    public static TableOptions Parse(string[] args)
    {
        var (rounds, peer, echo) = (5, 100, 10_000);
        string? toxiproxy = null;
        IReadOnlyList<string>? ours = null;
        IReadOnlySet<string>? rows = null;
        IReadOnlyList<string>? oursStart = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new ArgumentException($"option {args[i]} needs a value");
            var value = args[i + 1];
            switch (args[i])
            {
                case "--rounds":
                    rounds = Positive(args[i], value);
                    break;
                case "--peer-trials":
                    peer = Positive(args[i], value);
                    break;
                case "--echo-samples":
                    echo = Positive(args[i], value);
                    break;
                case "--toxiproxy-server":
                    toxiproxy = File.Exists(value)
                        ? Path.GetFullPath(value)
                        : throw new ArgumentException($"--toxiproxy-server: no file {value}");
                    break;
                case "--ours":
                    ours = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "--ours-start":
                    oursStart = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "--rows":
                    rows = ParseRows(value);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        var chosen = ours ?? DefaultOurs();
        return new TableOptions(rounds, toxiproxy, chosen, peer, echo)
        {
            Rows = rows ?? AllRows.ToHashSet(StringComparer.Ordinal),
            OursStart = oursStart ?? PublishedAot() ?? chosen,
        };
    }

    private static string[]? PublishedAot()
    {
        var root = RepositoryRoot();
        return root is not null && File.Exists(Path.Combine(root, AotServer)) ? [Path.Combine(root, AotServer)] : null;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return dir.FullName;
        }
        return null;
    }

    private static HashSet<string> ParseRows(string value)
    {
        var rows = value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
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
            ? n
            : throw new ArgumentException($"{name}: expected a positive integer, got '{value}'");

    private static string[] DefaultOurs()
    {
        var root = RepositoryRoot()
            ?? throw new ArgumentException("cannot find the repository (Harness.sln) above the benchmark: pass --ours");
        var dll = Path.Combine(root, "src/Harness/bin/Release/net10.0/harness.dll");
        return File.Exists(dll)
            ? ["dotnet", dll, "toxiproxy"]
            : throw new ArgumentException($"{dll} is missing: build it (./harness --help) or pass --ours");
    }
}

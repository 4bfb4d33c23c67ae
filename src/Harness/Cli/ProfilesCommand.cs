using System.Globalization;
using System.Text.Json;
using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Scenarios.Profiles;
using Harness.Scenarios.Validation;

namespace Harness.Cli;

/// <summary>
/// <c>harness profiles [PATH] [--json]</c>: every profile a scenario at PATH (a folder or a scenario file; default the
/// current folder) can name, each once as it resolves there (a local <c>profiles/</c> file shadows the built-in of the
/// same name), with where it comes from, the figures the harness applies and the source the file cites.
/// Exit 0, or 2 when PATH does not exist or a profile file is invalid.
/// </summary>
internal static class ProfilesCommand
{
    public static int Execute(string path, bool json, ConsoleOutput output)
    {
        var start =
            Directory.Exists(path) ? path
            : File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))!
            : null;
        if (start is null)
        {
            output.Error($"{path}: no such file or directory");
            return ExitCodes.InvalidInput;
        }
        var diagnostics = new DiagnosticBag();
        var resolver = new ProfileResolver(Path.GetFullPath(start), new ValueReader(diagnostics));
        var here = new SourceLocation("profiles", 0, 0);
        var noOverrides = new Dictionary<string, Located<string>>();
        var entries = resolver
            .Names.Select(name => (File: resolver.Find(name)!, Name: new Located<string>(name, here)))
            .Select(e => (e.File, Profile: resolver.Resolve(new ProfileReference(here, e.Name, noOverrides))))
            .ToList();
        foreach (var diagnostic in diagnostics.Items)
            output.Error(diagnostic.ToString());
        if (diagnostics.HasErrors)
            return ExitCodes.InvalidInput;
        var valid = entries.Select(e => (e.File, Profile: e.Profile!)).ToList();
        if (json)
            output.Line(Json(valid));
        else
            Print([Header, .. valid.Select(e => Row(e.File, e.Profile))], output);
        return ExitCodes.Passed;
    }

    private static readonly string[] Header = ["NAME", "FROM", "RTT", "JITTER", "DOWN", "UP", "LOSS", "SOURCE"];

    private static string[] Row(ProfileFile file, NetworkProfile p) =>
        [
            p.Name,
            From(file),
            Milliseconds(p.Rtt),
            Milliseconds(p.Jitter),
            Rate(p.DownKilobytesPerSecond),
            Rate(p.UpKilobytesPerSecond),
            p.LossPercent is { } loss ? loss.ToString("0.###", CultureInfo.InvariantCulture) + "%" : "-",
            p.Source ?? "-",
        ];

    private static string From(ProfileFile file) => file.BuiltIn ? "built-in" : file.Display;

    private static string Milliseconds(TimeSpan? value) =>
        value is { } v ? v.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms" : "-";

    private static string Rate(long? kilobytesPerSecond) =>
        kilobytesPerSecond is { } v ? v.ToString(CultureInfo.InvariantCulture) + "KB/s" : "-";

    private static void Print(IReadOnlyList<string[]> rows, ConsoleOutput output)
    {
        var last = Header.Length - 1;
        var widths = Enumerable.Range(0, last).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.Line(string.Join("  ", row.Take(last).Select((cell, c) => cell.PadRight(widths[c])).Append(row[last])).TrimEnd());
        }
    }

    private static string Json(IEnumerable<(ProfileFile File, NetworkProfile Profile)> entries) =>
        JsonSerializer.Serialize(
            entries.Select(e => new Dictionary<string, object?>
            {
                ["name"] = e.Profile.Name,
                ["from"] = From(e.File),
                ["description"] = e.Profile.Description,
                ["rtt_ms"] = e.Profile.Rtt?.TotalMilliseconds,
                ["jitter_ms"] = e.Profile.Jitter?.TotalMilliseconds,
                ["down_kilobytes_per_second"] = e.Profile.DownKilobytesPerSecond,
                ["up_kilobytes_per_second"] = e.Profile.UpKilobytesPerSecond,
                ["loss_percent"] = e.Profile.LossPercent,
                ["source"] = e.Profile.Source,
            }),
            new JsonSerializerOptions { WriteIndented = true }
        );
}

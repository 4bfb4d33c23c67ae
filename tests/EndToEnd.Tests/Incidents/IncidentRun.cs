using System.Text.Json;

namespace EndToEnd.Tests.Incidents;

/// <summary>An incident scenario run through the real CLI, with its matrix cells' statuses (none for a single run).</summary>
internal sealed record IncidentRun(int ExitCode, string Stdout, string Stderr, string Folder, IReadOnlyDictionary<string, string> Cells)
{
    public const string Saturated = "FAILED - unreliable: the harness was saturated";

    public static async Task<IncidentRun> RunAsync(ReportFolder reports, string scenario, string bug)
    {
        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            scenario,
            "--report-dir",
            reports.Root,
            "--no-color",
            "--var",
            $"bug={bug}"
        );
        var folder = reports.SingleRun();
        return new IncidentRun(code, stdout, stderr, folder, CellsOf(folder));
    }

    /// <summary>A matrix's cells and their statuses; a single run (no matrix.json) has none.</summary>
    private static Dictionary<string, string> CellsOf(string folder)
    {
        var path = Path.Combine(folder, "matrix.json");
        if (!File.Exists(path))
            return new Dictionary<string, string>(StringComparer.Ordinal);
        using var matrix = JsonDocument.Parse(File.ReadAllText(path));
        return matrix
            .RootElement.GetProperty("cells")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    public string Output => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

    /// <summary>
    /// With the bug on the run must fail (exit 1); a run whose failing cells fell while the harness itself was
    /// saturated is inconclusive (exit 4), accepted only when the console says so.
    /// </summary>
    public void AssertFailedWithBug()
    {
        if (ExitCode == 4)
        {
            Assert.That(Stdout, Does.Contain(Saturated), $"exit 4 is accepted only for a saturated harness\n{Output}");
            return;
        }
        Assert.That(ExitCode, Is.EqualTo(1), Output);
    }

    public IEnumerable<string> NotPassed => Cells.Where(c => c.Value != "passed").Select(c => c.Key).Order(StringComparer.Ordinal);

    public string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));
}

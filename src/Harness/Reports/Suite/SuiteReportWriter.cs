using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Suite;

/// <summary>
/// Writes a merged suite's overview beside the report folders of its units: suite.json, then junit.xml (every
/// &lt;testsuite&gt; of every unit's own junit.xml, as the run and matrix writers wrote them), summary.md (a table of the
/// units, then each report folder's own summary.md) and index.html (the units with links to their reports).
/// </summary>
public static class SuiteReportWriter
{
    /// <param name="folders">The report folders under <paramref name="directory"/> (a run's, or a matrix's), in suite order.</param>
    public static async Task WriteAllAsync(
        SuiteResults suite,
        IReadOnlyList<string> folders,
        string directory,
        CancellationToken cancellationToken
    )
    {
        var paths = folders.Select(f => Path.Combine(directory, f)).ToList();
        var junit = JUnit(suite, paths);
        var files = new (string Name, string Content)[]
        {
            (SuiteResults.FileName, JsonSerializer.Serialize(suite, ResultsJson.Options)),
            (ReportWriter.JUnitFile, junit.Declaration + Environment.NewLine + junit.Root),
            (ReportWriter.SummaryFile, Markdown(suite, paths)),
            (ReportWriter.HtmlFile, Html(suite)),
        };
        foreach (var (name, content) in files)
        {
            await ReportWriter.WriteAtomicAsync(Path.Combine(directory, name), content, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static XDocument JUnit(SuiteResults suite, IEnumerable<string> folders)
    {
        var suites = folders
            .Select(f => Path.Combine(f, ReportWriter.JUnitFile))
            .Where(File.Exists)
            .SelectMany(f => XDocument.Load(f).Root!.Elements("testsuite"))
            .ToList();
        int Sum(string attribute) => suites.Sum(s => (int?)s.Attribute(attribute) ?? 0);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", $"harness suite {suite.SuiteId}"),
                new XAttribute("tests", Sum("tests")),
                new XAttribute("failures", Sum("failures")),
                new XAttribute("errors", Sum("errors")),
                new XAttribute("skipped", Sum("skipped")),
                new XAttribute("time", (suite.DurationMs / 1000).ToString("0.###", CultureInfo.InvariantCulture)),
                suites
            )
        );
    }

    internal static string Markdown(SuiteResults suite, IEnumerable<string> folders)
    {
        var md = new StringBuilder();
        md.Append($"## {(suite.Status == RunStatus.Passed ? "✅" : "❌")} Suite of {Units(suite)}: {ReportFormat.Verdict(suite.Status)} ")
            .Append($"(exit {ReportFormat.Integer(suite.ExitCode)}; merged from {ReportFormat.Integer(suite.ShardCount)} shards)\n\n");
        md.Append($"{Md.Text(Counts(suite))} · suite {Md.Text(suite.SuiteId)} · {ReportFormat.Seconds(suite.DurationMs)}\n\n");
        md.Append(Md.Row("unit", "shard", "verdict", "failed")).Append('\n').Append(Md.Row("---", "---", "---", "---")).Append('\n');
        foreach (var unit in suite.Units)
        {
            md.Append(
                    Md.Row(
                        Md.Text(unit.Id),
                        Shard(suite, unit),
                        $"{Emoji(unit.Status)} {ReportFormat.Verdict(unit.Status)}",
                        unit.Failing.Count == 0 ? "" : string.Join("<br>", unit.Failing.Select(Md.Text))
                    )
                )
                .Append('\n');
        }
        md.Append('\n').Append($"Reproduce: {Md.Code(suite.Command)}\n");
        foreach (var summary in folders.Select(f => Path.Combine(f, ReportWriter.SummaryFile)).Where(File.Exists))
        {
            md.Append("\n---\n\n").Append(File.ReadAllText(summary));
        }
        return md.ToString();
    }

    internal static string Html(SuiteResults suite)
    {
        var rows = suite.Units.Select(u =>
            Tr(
                ReportFormat.Status(u.Status),
                E("code", u.Id),
                Shard(suite, u),
                Cls("span", ReportFormat.Status(u.Status), ReportFormat.Verdict(u.Status)),
                u.Failing.Count == 0 ? "" : E("ul", u.Failing.Select(f => (HtmlNode)E("li", f)).ToArray()),
                u.Report is null ? "not run" : E("a", [("href", u.Report)], "report")
            )
        );
        var page = E(
            "html",
            [("lang", "en")],
            E(
                "head",
                E("meta", [("charset", "utf-8")]),
                E("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                E("title", $"{ReportFormat.Verdict(suite.Status)} · suite of {Units(suite)} · harness"),
                E("style", new HtmlTrusted(Styles.Css))
            ),
            E(
                "body",
                E(
                    "header",
                    [("id", "verdict")],
                    Cls("div", $"verdict {ReportFormat.Status(suite.Status)}", ReportFormat.Verdict(suite.Status)),
                    E("h1", $"Suite of {Units(suite)}, merged from {ReportFormat.Integer(suite.ShardCount)} shards"),
                    Cls(
                        "p",
                        "headline",
                        $"{Counts(suite)} · exit {ReportFormat.Integer(suite.ExitCode)} · "
                            + $"{ReportFormat.Seconds(suite.DurationMs)} · "
                            + $"started {ReportFormat.Utc(suite.StartedAt)} · suite {suite.SuiteId}"
                    )
                ),
                Section("units", "Units", TableRows(["unit", "shard", "verdict", "failed", "report"], rows)),
                Section(
                    "shards",
                    "Shards",
                    Table(
                        ["shard", "folder", "units", "exit", "command"],
                        suite.Shards.Select(s =>
                            new HtmlNode[]
                            {
                                $"{ReportFormat.Integer(s.Index)}/{ReportFormat.Integer(suite.ShardCount)}",
                                E("code", s.Folder),
                                ReportFormat.Integer(s.Units),
                                ReportFormat.Integer(s.ExitCode),
                                E("code", s.Command),
                            }
                        )
                    )
                )
            )
        );
        var output = new StringBuilder("<!DOCTYPE html>\n");
        page.Render(output);
        return output.ToString();
    }

    private static string Units(SuiteResults suite) =>
        suite.Units.Count == 1 ? "1 unit" : $"{ReportFormat.Integer(suite.Units.Count)} units";

    private static string Shard(SuiteResults suite, SuiteUnit unit) =>
        $"{ReportFormat.Integer(unit.Shard)}/{ReportFormat.Integer(suite.ShardCount)}";

    /// <summary>"3 passed · 1 failed": only the statuses present, in a fixed order.</summary>
    private static string Counts(SuiteResults suite) =>
        string.Join(
            " · ",
            Enum.GetValues<RunStatus>()
                .Select(s => (Status: s, Count: suite.Units.Count(u => u.Status == s)))
                .Where(x => x.Count > 0)
                .Select(x => $"{ReportFormat.Integer(x.Count)} {ReportFormat.Status(x.Status)}")
        );

    private static string Emoji(RunStatus status) =>
        status switch
        {
            RunStatus.Passed => "✅",
            RunStatus.Failed or RunStatus.Error => "❌",
            _ => "⚠️",
        };
}

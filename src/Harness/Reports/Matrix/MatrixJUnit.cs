using System.Globalization;
using System.Xml.Linq;
using Harness.Reports.Model;

namespace Harness.Reports.Matrix;

/// <summary>
/// The matrix's junit.xml: one &lt;testsuite&gt; per cell, each exactly what <see cref="JUnitWriter"/> writes for that
/// cell's run, named <c>scenario[axis=value,...]</c> so CI tells the cells apart; a cell that did not run is a suite
/// with one skipped case.
/// </summary>
public static class MatrixJUnit
{
    /// <param name="cells">Each cell's results by cell name; cells that did not run have none.</param>
    public static XDocument Render(MatrixResults matrix, IReadOnlyDictionary<string, RunResults> cells)
    {
        var suites = matrix.Cells.Select(c => Suite(matrix, c, cells.GetValueOrDefault(c.Name))).ToList();
        int Sum(string attribute) => suites.Sum(s => (int?)s.Attribute(attribute) ?? 0);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", $"harness {matrix.Scenario} matrix"),
                new XAttribute("tests", Sum("tests")),
                new XAttribute("failures", Sum("failures")),
                new XAttribute("errors", Sum("errors")),
                new XAttribute("skipped", Sum("skipped")),
                new XAttribute("time", (matrix.DurationMs / 1000).ToString("0.###", CultureInfo.InvariantCulture)),
                suites
            )
        );
    }

    private static XElement Suite(MatrixResults matrix, MatrixCellResult cell, RunResults? results)
    {
        var name = matrix.DisplayName(cell);
        if (results is not null)
        {
            var suite = JUnitWriter
                .Render(results with { Scenario = results.Scenario with { Name = name } })
                .Root!.Elements("testsuite")
                .Single();
            suite.Element("properties")?.Add(new XElement("property", new XAttribute("name", "cell"), new XAttribute("value", cell.Name)));
            return suite;
        }
        var reason = cell.Ran
            ? $"no results for this cell ({cell.Results ?? cell.Directory})"
            : "not run: the matrix was interrupted before this cell started";
        return new XElement(
            "testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", 1),
            new XAttribute("failures", 0),
            new XAttribute("errors", cell.Ran ? 1 : 0),
            new XAttribute("skipped", cell.Ran ? 0 : 1),
            new XAttribute("time", "0"),
            new XElement(
                "properties",
                new XElement("property", new XAttribute("name", "status"), new XAttribute("value", cell.Ran ? "error" : "not_run")),
                new XElement("property", new XAttribute("name", "cell"), new XAttribute("value", cell.Name))
            ),
            new XElement(
                "testcase",
                new XAttribute("classname", name),
                new XAttribute("name", "run"),
                new XAttribute("time", "0"),
                cell.Ran
                    ? new XElement("error", new XAttribute("message", reason), new XAttribute("type", "error"))
                    : new XElement("skipped", new XAttribute("message", reason))
            )
        );
    }
}

using System.Globalization;
using System.Xml.Linq;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// junit.xml: one suite per scenario, one case per threshold, per browser step and per failed check (see
/// <see cref="JUnitCases"/>); run errors become an errored case.
/// </summary>
public static class JUnitWriter
{
    public static XDocument Render(RunResults results)
    {
        var cases = results
            .Thresholds.Select(t =>
            {
                var element = new XElement(
                    "testcase",
                    new XAttribute("classname", $"{results.Scenario.Name}.{t.Probe}"),
                    new XAttribute("name", t.Expression),
                    new XAttribute("time", "0")
                );
                if (!t.Passed)
                {
                    element.Add(
                        new XElement(
                            "failure",
                            new XAttribute("message", $"threshold '{t.Expression}' failed: observed {ReportFormat.Observed(t)}"),
                            new XAttribute("type", "threshold"),
                            $"probe {t.Probe}: {t.Metric} {t.Aggregation}{(t.Phase is null ? string.Empty : $" in phase {t.Phase}")}{Scope(t)} "
                                + $"observed {ReportFormat.Observed(t)}, limit {ReportFormat.Limit(t)}; {t.Detail}"
                                + Failures(results, t.Probe)
                        )
                    );
                }
                return element;
            })
            .ToList();
        foreach (var probe in results.Probes)
        {
            cases.AddRange(JUnitCases.Steps(results, probe));
            cases.AddRange(JUnitCases.FailedChecks(results, probe));
        }
        foreach (var error in results.Errors)
        {
            cases.Add(
                new XElement(
                    "testcase",
                    new XAttribute("classname", results.Scenario.Name),
                    new XAttribute("name", "run"),
                    new XAttribute("time", "0"),
                    new XElement(
                        "error",
                        new XAttribute("message", error),
                        new XAttribute("type", results.Status.ToString().ToLowerInvariant())
                    )
                )
            );
        }
        var failures = cases.Count(c => c.Element("failure") is not null);
        var seconds = (results.DurationMs / 1000).ToString("0.###", CultureInfo.InvariantCulture);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", results.Scenario.Name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", results.Errors.Count),
            new XAttribute("skipped", 0),
            new XAttribute("time", seconds),
            new XAttribute("timestamp", results.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement(
                "properties",
                new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", results.Scenario.Seed)),
                new XElement(
                    "property",
                    new XAttribute("name", "status"),
                    new XAttribute("value", results.Status.ToString().ToLowerInvariant())
                )
            ),
            cases
        );
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", "harness"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", results.Errors.Count),
                new XAttribute("time", seconds),
                suite
            )
        );
    }

    // Why the probe's exchanges failed, one line per metric, after the threshold's own account.
    private static string Failures(RunResults results, string probe) =>
        results.Probes.FirstOrDefault(p => p.Name == probe) is { } p && ErrorLines.For(p, results.StartedAt) is { Count: > 0 } lines
            ? "\nerrors: " + string.Join("\nerrors: ", lines)
            : string.Empty;

    // Tags and matrix cells beyond the phase; the cell scope is not visible in the expression itself.
    private static string Scope(ThresholdResult t) =>
        (t.Tags is null ? string.Empty : $" for {string.Join(",", t.Tags.Select(x => $"{x.Key}={x.Value}"))}")
        + (t.When is null ? string.Empty : $" in cells {string.Join(",", t.When.Select(w => $"{w.Key}={string.Join("|", w.Value)}"))}");
}

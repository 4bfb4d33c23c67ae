using System.Globalization;
using System.Xml.Linq;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>
/// junit.xml cases beyond thresholds: one per browser step (per participant, over the iterations results.json keeps)
/// and one per failed check. A browser step is also a check of the same name; it is reported once, as a step.
/// </summary>
internal static class JUnitCases
{
    private const string NoErrorText = "no error text";

    public static IEnumerable<XElement> Steps(RunResults results, ProbeResult probe) =>
        probe.Kind != "browser"
            ? []
            : probe
                .Iterations.SelectMany(i => i.Steps.Select(s => (Iteration: i, Step: s)))
                .GroupBy(x => (x.Iteration.Participant, x.Step.Index, x.Step.Description))
                .OrderBy(g => g.Key.Participant, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Index)
                .Select(g =>
                    Step(
                        $"{results.Scenario.Name}.{probe.Name}.steps",
                        $"{g.Key.Participant} step {Number(g.Key.Index + 1)}: {g.Key.Description}",
                        g.ToList()
                    )
                );

    private static XElement Step(string classname, string name, List<(IterationResult Iteration, StepResult Step)> runs)
    {
        var element = Case(classname, name, runs.Where(x => x.Step.Outcome != "skipped").Sum(x => x.Step.DurationMs) / 1000);
        var failed = runs.Where(x => x.Step.Outcome == "failed").ToList();
        if (failed.Count == 0)
            return element;
        var first = failed[0].Step.Error ?? failed[0].Iteration.Error ?? NoErrorText;
        var each = failed.Select(x =>
            $"iteration {Number(x.Iteration.Iteration)} at {ReportFormat.Utc(x.Iteration.Started)}, "
            + $"after {ReportFormat.Milliseconds(x.Step.DurationMs)}: {x.Step.Error ?? x.Iteration.Error ?? NoErrorText}"
        );
        element.Add(
            new XElement(
                "failure",
                new XAttribute("message", $"failed in {Number(failed.Count)} of {Number(runs.Count)} iterations: {first}"),
                new XAttribute("type", "step"),
                string.Join("\n", each)
            )
        );
        return element;
    }

    public static IEnumerable<XElement> FailedChecks(RunResults results, ProbeResult probe)
    {
        var steps = probe.Iterations.SelectMany(i => i.Steps).Select(s => s.Description).ToHashSet(StringComparer.Ordinal);
        return probe
            .Checks.Where(c => c.Failed > 0 && !steps.Contains(c.Name))
            .Select(c =>
            {
                var total = c.Passed + c.Failed;
                var share = ReportFormat.Percent(c.Failed / (double)total);
                var text = $"check '{c.Name}' failed {Number(c.Failed)} of {Number(total)} times ({share})";
                var failure = new XElement(
                    "failure",
                    new XAttribute("message", text),
                    new XAttribute("type", "check"),
                    $"probe {probe.Name} ({probe.Kind}, {probe.Url}): {text}"
                );
                return Case($"{results.Scenario.Name}.{probe.Name}.checks", c.Name, 0, failure);
            });
    }

    private static XElement Case(string classname, string name, double seconds, params object[] content) =>
        new(
            "testcase",
            new XAttribute("classname", classname),
            new XAttribute("name", name),
            new XAttribute("time", seconds.ToString("0.###", CultureInfo.InvariantCulture)),
            content
        );

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Harness.Reports.Model;

namespace Harness.Orchestration;

/// <summary>Copies what a browser probe captured beyond samples into its results, with artifact paths relative to the report.</summary>
internal static class BrowserDetails
{
    public static ProbeResult Attach(ProbeResult result, IProbe? probe, string reportDirectory)
    {
        if (probe is not BrowserProbe browser)
            return result;
        var report = browser.Report;
        return result with
        {
            Artifacts = report
                .Artifacts.Select(a => new ArtifactResult(
                    Lower(a.Kind),
                    Path.GetRelativePath(reportDirectory, a.Path),
                    a.Participant,
                    a.Iteration,
                    a.Step
                ))
                .ToList(),
            Messages = report
                .Messages.Select(m => new MessageResult(Lower(m.Kind), m.Participant, m.Iteration, m.Time, m.Text, m.Location))
                .ToList(),
            Iterations = report
                .Iterations.Select(i => new IterationResult(
                    i.Participant,
                    i.Iteration,
                    i.StartedAt,
                    i.Duration.TotalMilliseconds,
                    i.Passed,
                    i.Error,
                    i.Steps.Select(s => new StepResult(
                            s.Index,
                            s.Kind,
                            s.Description,
                            Lower(s.Outcome),
                            s.Duration.TotalMilliseconds,
                            s.Error
                        ))
                        .ToList()
                ))
                .ToList(),
        };
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}

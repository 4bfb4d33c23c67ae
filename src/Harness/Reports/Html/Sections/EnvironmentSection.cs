using Harness.Reports.Model;
using static Harness.Reports.Html.H;

namespace Harness.Reports.Html.Sections;

/// <summary>How to repeat the run: the exact command, the seed, the environment, launched services and the resolved scenario.</summary>
internal sealed class EnvironmentSection : IReportSection
{
    public HtmlNode? Render(ReportContext context)
    {
        var r = context.Results;
        return Section(
            "environment",
            "Reproduce",
            Table(
                ["", ""],
                [
                    ["Command", Cls("code", "command", r.Command)],
                    ["Seed", ReportFormat.Integer(r.Scenario.Seed)],
                    ["Scenario file", Cls("code", "path", r.Scenario.Source)],
                    ["Tags", r.Scenario.Tags.Count == 0 ? "none" : string.Join(", ", r.Scenario.Tags)],
                    ["Run id", r.RunId],
                    ["Started", ReportFormat.Utc(r.StartedAt)],
                    [
                        "Finished",
                        $"{ReportFormat.Utc(r.FinishedAt)} ({ReportFormat.Seconds(r.DurationMs)}, exit {ReportFormat.Integer(r.ExitCode)})",
                    ],
                    [
                        "Impairment",
                        $"{r.Environment.ToxiproxyKind} Toxiproxy-compatible server {r.Environment.ToxiproxyUrl} (version {r.Environment.ToxiproxyVersion ?? "unknown"})",
                    ],
                    [
                        "Machine",
                        $"{r.Environment.Machine}, {r.Environment.Os}, {r.Environment.Runtime}, harness {r.Environment.HarnessVersion}",
                    ],
                    ["Results schema", $"version {ReportFormat.Integer(r.SchemaVersion)} (results.json beside this file)"],
                ]
            ),
            r.Services.Count == 0
                ? null
                : Table(
                    ["Service", "Command", "Port", "Ready after", "Exit code", "Log"],
                    r.Services.Select(s =>
                        new HtmlNode[]
                        {
                            s.Name,
                            Cls("code", "command", string.Join(' ', s.Command)),
                            s.Port is null ? "" : ReportFormat.Integer(s.Port.Value),
                            ReportFormat.WithUnit(s.ReadyMs, "ms"),
                            s.ExitCode is null ? "" : ReportFormat.Integer(s.ExitCode.Value),
                            Cls("code", "path", s.Log),
                        }
                    )
                ),
            string.IsNullOrEmpty(r.Scenario.ResolvedYaml)
                ? null
                : E("details", E("summary", "Resolved scenario (YAML, secrets masked)"), E("pre", E("code", r.Scenario.ResolvedYaml)))
        );
    }
}

using System.Text.Json;
using Harness.Metrics;
using Harness.Reports.Model;
using Harness.Tests.Reports;

namespace Harness.Tests.Secrets;

/// <summary>A results model with one secret in every kind of value that reaches a writer, in the forms a target echoes it in.</summary>
internal static class SecretPlacement
{
    public static RunResults Results(string secret)
    {
        var escaped = Uri.EscapeDataString(secret);
        var json = JsonSerializer.Serialize(secret)[1..^1];
        var r = ReportFixtures.Results(
            description: $"logs in with {secret}",
            url: $"http://app.test/api?token={escaped}&raw={secret}",
            thresholdText: $"http_req_duration{{token:{secret}}} p(95) < 250ms",
            error: $"target said: bad token {secret} ({escaped})"
        );
        var probe = r.Probes[0] with
        {
            Name = $"api-{secret}",
            Messages =
            [
                new MessageResult(
                    "pageerror",
                    secret,
                    1,
                    ReportFixtures.Start,
                    $"{{\"error\":\"bad token {json}\"}}",
                    $"http://app.test/x?t={escaped}"
                ),
            ],
            Iterations =
            [
                new IterationResult(
                    secret,
                    1,
                    ReportFixtures.Start,
                    1200,
                    false,
                    $"HTTP 401 for /x?t={escaped}",
                    [
                        new StepResult(
                            1,
                            "fill",
                            $"fill #token with {secret}",
                            "failed",
                            300,
                            $"&lt;{System.Net.WebUtility.HtmlEncode(secret)}&gt;"
                        ),
                    ]
                ),
            ],
            Errors =
            [
                new ErrorTally(
                    "http_req_failed",
                    "status_401",
                    3,
                    ReportFixtures.Start,
                    ReportFixtures.Start.AddSeconds(2),
                    "slow",
                    $"401 token={secret}"
                ),
            ],
            Checks = [new CheckResult($"token {secret} accepted", 1, 2)],
            WebSocket = new WebSocketDetails([new WebSocketClientResult(1, 10, 0, 0, 0, 0, 0)], 1, [$"unreadable {json}"]),
        };
        return r with
        {
            Command = $"./harness run demo.yaml --var token={secret}",
            Services = [new ServiceResult("app", ["dotnet", "app.dll", $"--token={secret}"], 5000, 120.5, 0, "artifacts/service-app.log")],
            Probes = [probe, .. r.Probes.Skip(1)],
            Thresholds =
            [
                r.Thresholds[0] with
                {
                    Tags = new Dictionary<string, string> { ["token"] = secret, [secret] = "tag" },
                },
            ],
            Events = [new EventResult("slow", 2000, $"http GET /x?t={escaped}", ReportFixtures.Start.AddSeconds(12))],
            Scenario = r.Scenario with { ResolvedYaml = $"token: {secret}\n" },
        };
    }
}

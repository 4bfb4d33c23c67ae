using System.Text.Json;
using Harness.TestSupport;

namespace EndToEnd.Tests.Monitoring;

/// <summary>
/// <c>run --push</c> into Debian's real Pushgateway, scraped by a real Prometheus; the series read back through its HTTP API.
/// </summary>
[NonParallelizable]
public sealed class PrometheusPushTests
{
    private const string HostileValue = "a/b \"q\" \\ z";

    [Test]
    public async Task Run_WithPush_PrometheusHasTheResultsJsonValuesPerCell()
    {
        if (PrometheusStack.Missing() is { } reason)
            Assert.Ignore(reason);
        await using var target = new RecordingReceiver();
        using var reports = new ReportFolder();
        var scenario = Path.Combine(reports.Root, "monitor-push.yaml");
        await File.WriteAllTextAsync(
            scenario,
            $$"""
            name: monitor-push
            description: "flavour ${flavour}"
            variables: { flavour: plain }
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: only, duration: 1s } ]
            probes: [ { http: { name: api, url: "{{target.BaseUri}}", every: 100ms } } ]
            thresholds:
              api: [ "http_req_failed rate < 5%", "http_req_duration p(95) < 10s" ]
            matrix:
              flavour: [plain, '{{HostileValue}}']
            """
        );
        using var stack = await PrometheusStack.StartAsync();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "run",
            scenario,
            "--report-dir",
            reports.Root,
            "--push",
            stack.Pushgateway.ToString(),
            "--no-color"
        );

        Assert.That(code, Is.EqualTo(0), $"stdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.That(stdout, Does.Not.Contain("warning: push"));
        var cells = Directory
            .GetFiles(reports.SingleRun(), "results.json", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}cells{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .ToList();
        Assert.That(cells, Has.Count.EqualTo(2));
        var passed = await stack.QueryAsync("harness_run_passed{job=\"harness\",scenario=\"monitor-push\"}", count: 2);
        Assert.That(
            passed.Select(s => s.Labels["cell"]),
            Is.EquivalentTo(cells.Select(c => c.GetProperty("scenario").GetProperty("cell").GetString()))
        );
        Assert.That(
            passed.Select(s => s.Labels["cell"]),
            Has.Member($"flavour={HostileValue}"),
            "the hostile value came through the path and the label intact"
        );
        foreach (var cell in cells)
        {
            var name = cell.GetProperty("scenario").GetProperty("cell").GetString()!;
            var selector =
                $"job=\"harness\",scenario=\"monitor-push\",cell=\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
            Assert.That(
                (await stack.QueryAsync($"harness_run_exit_code{{{selector}}}")).Single().Value,
                Is.EqualTo(cell.GetProperty("exit_code").GetInt32())
            );
            foreach (var threshold in cell.GetProperty("thresholds").EnumerateArray())
            {
                var expression = threshold.GetProperty("expression").GetString()!;
                var observed = await stack.QueryAsync($"harness_threshold_observed{{{selector},threshold=\"{expression}\"}}");
                var seconds = threshold.GetProperty("aggregation").GetString() == "rate" ? 1 : 1000.0;
                Assert.That(
                    observed.Single().Value,
                    Is.EqualTo(threshold.GetProperty("observed").GetDouble() / seconds).Within(1e-12),
                    expression
                );
                Assert.That(
                    (await stack.QueryAsync($"harness_threshold_passed{{{selector},threshold=\"{expression}\"}}")).Single().Value,
                    Is.EqualTo(1)
                );
            }
            var duration = cell.GetProperty("probes")[0]
                .GetProperty("metrics")
                .EnumerateArray()
                .Single(m => m.GetProperty("name").GetString() == "http_req_duration");
            foreach (var (quantile, field) in new[] { ("0.5", "med"), ("0.95", "p95"), ("0.99", "p99") })
            {
                var whole = await stack.QueryAsync(
                    $"harness_http_req_duration_seconds{{{selector},probe=\"api\",phase=\"\",quantile=\"{quantile}\"}}"
                );
                Assert.That(
                    whole.Single().Value,
                    Is.EqualTo(duration.GetProperty("all").GetProperty(field).GetDouble() / 1000).Within(1e-12),
                    quantile
                );
                var phase = await stack.QueryAsync(
                    $"harness_http_req_duration_seconds{{{selector},probe=\"api\",phase=\"only\",quantile=\"{quantile}\"}}"
                );
                Assert.That(
                    phase.Single().Value,
                    Is.EqualTo(duration.GetProperty("phases").GetProperty("only").GetProperty(field).GetDouble() / 1000).Within(1e-12)
                );
            }
            var requests = cell.GetProperty("probes")[0]
                .GetProperty("metrics")
                .EnumerateArray()
                .Single(m => m.GetProperty("name").GetString() == "http_reqs");
            Assert.That(
                (await stack.QueryAsync($"harness_http_reqs{{{selector},probe=\"api\",phase=\"\"}}")).Single().Value,
                Is.EqualTo(requests.GetProperty("all").GetProperty("count").GetDouble())
            );
        }
    }
}

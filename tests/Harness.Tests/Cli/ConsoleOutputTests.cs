using Harness.Cli;
using Harness.Cli.Live;
using Harness.Orchestration.Monitoring;
using Harness.TestSupport;
using Spectre.Console;

namespace Harness.Tests.Cli;

public sealed class ConsoleOutputTests
{
    [Test]
    public void Quiet_PrintsNoProgressButStillResultsAndErrors()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = new ConsoleOutput(new ManualTimeProvider(), stdout, stderr) { Mode = ProgressMode.Quiet };

        output.Progress("phase baseline: 10 s, no phase toxics");
        output.Line("smoke: PASSED (exit 0, seed 42)");
        output.Error("the report folder is not writable");

        Assert.That(
            (stdout.ToString(), stderr.ToString()),
            Is.EqualTo(
                (
                    "smoke: PASSED (exit 0, seed 42)" + Environment.NewLine,
                    "harness: the report folder is not writable" + Environment.NewLine
                )
            )
        );
    }

    [Test]
    public void Plain_PrintsRedactedProgressLinesWithElapsedTimeOnStderr()
    {
        var time = new ManualTimeProvider();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = new ConsoleOutput(time, stdout, stderr);
        output.Redact(["hunter2"]);
        time.Advance(TimeSpan.FromSeconds(1.25));

        output.Progress("connecting with hunter2");

        Assert.That(
            (stdout.ToString(), stderr.ToString()),
            Is.EqualTo((string.Empty, "[harness    1.3s] connecting with ***" + Environment.NewLine))
        );
    }

    [Test]
    public void PlainStatus_WritesAStatusLineEveryFiveSecondsUntilTheRunEnds()
    {
        var time = new ManualTimeProvider();
        var lines = new List<string>();
        var monitor = new RunMonitor(MonitorScenarios.WithThresholds(), new Harness.Metrics.MetricStore(), time);
        using var status = new PlainStatus(time, lines.Add);

        status.Started(monitor);
        time.Advance(TimeSpan.FromSeconds(4.9));
        var beforeFirst = lines.Count;
        time.Advance(TimeSpan.FromSeconds(0.1));
        monitor.PhaseEntered(0, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(5));
        status.Ended(monitor);
        time.Advance(TimeSpan.FromSeconds(20));

        Assert.That(beforeFirst, Is.Zero);
        Assert.That(
            lines,
            Is.EqualTo(
                new[]
                {
                    "status: setting up | elapsed 5.0 s | clients: room 0/5 clients, crowd 0 VUs, join 0/3 participants",
                    "status: phase baseline (1/3) 5.0/10.0 s | elapsed 10.0 s | clients: room 0/5 clients, crowd 0 VUs, join 0/3 participants",
                }
            )
        );
    }

    [TestCase(false, false, true, null, null, "Live")]
    [TestCase(true, false, true, null, null, "Quiet")]
    [TestCase(true, true, false, null, null, "Quiet")]
    [TestCase(false, true, true, null, null, "Plain")]
    [TestCase(false, false, false, null, null, "Plain")]
    [TestCase(false, false, true, "1", null, "Plain")]
    [TestCase(false, false, true, "", null, "Live")]
    [TestCase(false, false, true, null, "dumb", "Plain")]
    [TestCase(false, false, true, null, "xterm-256color", "Live")]
    public void ProgressModes_Choose(bool quiet, bool noColor, bool terminal, string? noColorVariable, string? term, string expected)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (noColorVariable is not null)
            environment["NO_COLOR"] = noColorVariable;
        if (term is not null)
            environment["TERM"] = term;

        Assert.That(ProgressModes.Choose(quiet, noColor, terminal, environment), Is.EqualTo(Enum.Parse<ProgressMode>(expected)));
    }
}

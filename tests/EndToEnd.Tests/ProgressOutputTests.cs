using System.Diagnostics;
using System.Text.RegularExpressions;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// What `harness run` prints while it runs: plain lines and status lines when stderr is not a terminal (as here,
/// redirected), a live view on a terminal, nothing with --quiet; the result lines on stdout in every case.
/// </summary>
[NonParallelizable]
public sealed partial class ProgressOutputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);

    [Test]
    public async Task Run_Quiet_PrintsNoProgressOnlyTheResultLines()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", "scenarios/smoke.yaml", "--quiet", "--report-dir", reports.Root);

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        using (Assert.EnterMultipleScope())
        {
            // The ./harness wrapper may announce a build ("[harness] building"); the run itself prints nothing.
            Assert.That(ProgressLine().Matches(stderr), Is.Empty, stderr);
            Assert.That(stderr, Does.Not.Contain("status:"));
            Assert.That(stdout, Does.StartWith("smoke: PASSED (exit 0, seed 42)"));
            Assert.That(stdout, Does.Contain("  pass  api: http_req_failed rate < 5%").And.Contain("  report: "));
        }
    }

    [Test]
    public async Task Run_StderrNotATerminal_PrintsPlainLinesAndPeriodicStatusLines()
    {
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync("run", "scenarios/smoke.yaml", "--report-dir", reports.Root);

        Assert.That(code, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        var status = StatusLine().Matches(stderr).Select(m => m.Value).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stderr, Does.Contain("phase degraded: 10 s"), "the event lines are still there");
            Assert.That(status, Is.Not.Empty, stderr);
            Assert.That(
                status.Any(s =>
                    s.Contains("phase ", StringComparison.Ordinal)
                    && s.Contains("clients: room", StringComparison.Ordinal)
                    && s.Contains("p95 (last 5.0 s): api", StringComparison.Ordinal)
                ),
                Is.True,
                string.Join("\n", status)
            );
            Assert.That(stderr, Does.Not.Contain("\u001b["), "no escape codes in plain output");
            Assert.That(stdout, Does.StartWith("smoke: PASSED"));
        }
    }

    [Test]
    public async Task Run_OnATerminal_ShowsTheLiveViewAndRestoresTheCursorBeforeTheResults()
    {
        if (!File.Exists("/usr/bin/script"))
            Assert.Ignore("needs util-linux 'script' to give the run a terminal");
        using var reports = new ReportFolder();
        // script(1) runs the CLI on a pseudo-terminal and copies everything it draws to our stdout.
        var info = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var arg in new[]
            {
                "-qfec",
                $"stty cols 120 rows 60; ./harness run scenarios/smoke.yaml --report-dir '{reports.Root}'",
                "/dev/null",
            }
        )
            info.ArgumentList.Add(arg);
        info.Environment.Remove("NO_COLOR");
        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info)!;
        var screenRead = process.StandardOutput.ReadToEndAsync();
        var errorsRead = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("harness did not finish on the terminal within the bound");
        }
        var screen = await screenRead;
        await errorsRead;

        Assert.That(process.ExitCode, Is.Zero, screen);
        var results = screen.IndexOf("smoke: PASSED", StringComparison.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(screen, Does.Contain("harness run smoke").And.Contain("phase degraded (2/2)").And.Contain("latency, last 5.0 s"));
            Assert.That(screen, Does.Contain("\u001b[?25l"), "the cursor is hidden while the view redraws");
            Assert.That(
                results,
                Is.GreaterThan(screen.LastIndexOf("\u001b[?25h", StringComparison.Ordinal)).And.GreaterThan(0),
                "the cursor is back before the result lines"
            );
            Assert.That(
                screen.LastIndexOf("\u001b[?25h", StringComparison.Ordinal),
                Is.GreaterThan(screen.LastIndexOf("\u001b[?25l", StringComparison.Ordinal))
            );
            Assert.That(ProgressLine().Matches(screen[results..]), Is.Empty, "nothing of the view after the result lines");
        }
    }

    [GeneratedRegex(@"^\[harness +\d+\.\ds\]", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^\[harness +\d+\.\ds\] status: .*$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}

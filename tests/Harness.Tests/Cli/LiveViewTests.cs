using Harness.Cli;
using Harness.Cli.Live;
using Harness.Orchestration.Monitoring;
using Harness.TestSupport;
using Spectre.Console;

namespace Harness.Tests.Cli;

public sealed class LiveViewTests
{
    private const string HideCursor = "\u001b[?25l";
    private const string ShowCursor = "\u001b[?25h";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static IAnsiConsole Terminal(StringWriter writer)
    {
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(writer),
            }
        );
        console.Profile.Width = 120;
        return console;
    }

    [Test]
    public async Task Dispose_LeavesTheFinalFrameWithProgressLinesAndRestoresTheCursor()
    {
        var time = new ManualTimeProvider();
        using var screen = new StringWriter();
        using var stderr = new StringWriter();
        var output = new ConsoleOutput(time, new StringWriter(), stderr) { Mode = ProgressMode.Live };
        output.Redact(["hunter2"]);
        var monitor = new RunMonitor(
            MonitorScenarios.WithThresholds(("api", "http_req_failed rate < 5%")),
            new Harness.Metrics.MetricStore(),
            time
        );
        var view = new LiveView(Terminal(screen), time, output.Mask, CancellationToken.None);
        output.ShowIn(view);
        view.Started(monitor);
        monitor.PhaseEntered(0, time.GetUtcNow());

        output.Progress("phase baseline: 10 s, password hunter2");
        output.Error("something went wrong with hunter2");
        view.Ended(monitor);
        await view.DisposeAsync().AsTask().WaitAsync(Bound);
        output.ShowIn(null);
        output.Progress("after the view");

        var text = screen.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(HideCursor));
            Assert.That(
                text.LastIndexOf(ShowCursor, StringComparison.Ordinal),
                Is.GreaterThan(text.LastIndexOf(HideCursor, StringComparison.Ordinal)),
                "the cursor is shown again at the end"
            );
            Assert.That(text, Does.Contain("phase baseline (1/3)"));
            Assert.That(text, Does.Contain("phase baseline: 10 s, password ***"));
            Assert.That(text, Does.Not.Contain("hunter2"));
            Assert.That(
                text,
                Does.EndWith("harness: something went wrong with ***" + Environment.NewLine),
                "errors are repeated under the final frame"
            );
            Assert.That(
                stderr.ToString(),
                Does.Not.Contain("phase baseline").And.Contain("after the view"),
                "while the view shows, progress goes into it; afterwards, to stderr"
            );
        }
    }

    [Test]
    public async Task Interrupt_EndsTheViewAtOnceSoLaterLinesArePlain()
    {
        var time = new ManualTimeProvider();
        using var screen = new StringWriter();
        using var interrupt = new CancellationTokenSource();
        var view = new LiveView(Terminal(screen), time, s => s, interrupt.Token);
        Assert.That(view.TryShow("before"), Is.True);

        await interrupt.CancelAsync();
        await view.Completion.WaitAsync(Bound);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(view.TryShow("after"), Is.False, "the console prints it plainly instead");
            Assert.That(screen.ToString(), Does.EndWith(ShowCursor).Or.Contain(ShowCursor));
            Assert.That(screen.ToString(), Does.Contain("before"));
        }
        await view.DisposeAsync();
    }
}

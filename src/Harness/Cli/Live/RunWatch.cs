using Harness.Orchestration;
using Harness.Scenarios.Model;
using Spectre.Console;

namespace Harness.Cli.Live;

/// <summary>Runs one scenario watched as the console's progress mode says: a live view, periodic status lines, or nothing.</summary>
internal static class RunWatch
{
    public static async Task<RunOutcome> RunAsync(
        ScenarioRunner runner,
        Scenario scenario,
        RunOptions options,
        ConsoleOutput output,
        CancellationToken interrupt
    )
    {
        switch (output.Mode)
        {
            case ProgressMode.Quiet:
                return await runner.RunAsync(scenario, options, interrupt).ConfigureAwait(false);
            case ProgressMode.Plain:
                using (var status = new PlainStatus(output.Time, output.Progress))
                {
                    return await runner.RunAsync(scenario, options with { Observer = status }, interrupt).ConfigureAwait(false);
                }
            default:
                var view = new LiveView(StandardError(), output.Time, output.Mask, interrupt);
                output.ShowIn(view);
                try
                {
                    return await runner.RunAsync(scenario, options with { Observer = view }, interrupt).ConfigureAwait(false);
                }
                finally
                {
                    // The final frame is drawn and the cursor restored before the result lines reach stdout.
                    await view.DisposeAsync().ConfigureAwait(false);
                    output.ShowIn(null);
                }
        }
    }

    private static IAnsiConsole StandardError() =>
        AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.Detect,
            }
        );
}

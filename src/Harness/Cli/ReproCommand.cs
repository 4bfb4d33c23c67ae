using System.CommandLine;
using Harness.Impairment;
using Harness.Orchestration;
using Harness.Probes.Browser;
using Harness.Repro;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Cli;

/// <summary>
/// <c>harness repro URL</c>: opens a page through a named profile or an ad-hoc network, in a real browser (headed
/// when a display is available). Every origin (host:port) the page uses gets its own impaired proxy. Saves
/// screenshots and a trace, prints the equivalent scenario YAML, and judges the page (<see cref="ReproVerdict"/>).
/// Interactive mode keeps the page open until Ctrl-C and takes toxic changes from the console.
/// </summary>
internal static class ReproCommand
{
    private const string DefaultDuration = "20s";

    public static Command Create(IReadOnlyDictionary<string, string> environment, ConsoleOutput output)
    {
        var url = new Argument<string>("url") { Description = "The page to open, e.g. http://127.0.0.1:5080/room/1" };
        var profile = new Option<string?>("--profile") { Description = "A profile from scenarios/profiles (e.g. slow-3g)" };
        var latency = new Option<string?>("--latency") { Description = "Round trip to add, e.g. 300ms" };
        var jitter = new Option<string?>("--jitter") { Description = "Jitter, e.g. 50ms" };
        var loss = new Option<string?>("--loss") { Description = "Packet loss, e.g. 2%" };
        var bandwidth = new Option<string?>("--bandwidth") { Description = "Bandwidth each way, e.g. 500KB/s or 4Mbit/s" };
        var duration = new Option<string?>("--duration")
        {
            Description = $"How long to keep the page open (default {DefaultDuration}; ends interactive mode too)",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed for jitter and loss decisions" };
        var headless = new Option<bool>("--headless") { Description = "Never open a window, even with a display" };
        var interactive = new Option<bool>("--interactive")
        {
            Description =
                "Keep the page open until Ctrl-C and read toxic changes from stdin "
                + "(the default when stdin is a terminal, without --headless or --duration)",
        };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Another host the page may reach (repeatable)" };
        var reportDir = new Option<string>("--report-dir") { DefaultValueFactory = _ => "reports" };
        var command = new Command(
            "repro",
            "Open a URL through an impaired network in a browser; save screenshots and a trace; print the scenario YAML"
        )
        {
            url,
            profile,
            latency,
            jitter,
            loss,
            bandwidth,
            duration,
            seed,
            headless,
            interactive,
            allowHost,
            reportDir,
        };
        command.SetAction(
            async (parse, _) =>
            {
                if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
                {
                    output.Error($"'{parse.GetValue(url)}' is not an absolute http(s) URL");
                    return ExitCodes.InvalidInput;
                }
                var durationGiven = parse.GetValue(duration) is not null;
                var request = new ReproRequest(
                    target,
                    parse.GetValue(profile),
                    parse.GetValue(latency),
                    parse.GetValue(jitter),
                    parse.GetValue(loss),
                    parse.GetValue(bandwidth),
                    parse.GetValue(duration) ?? DefaultDuration,
                    parse.GetValue(seed) ?? Random.Shared.Next(1, int.MaxValue),
                    Headed: !parse.GetValue(headless) && !string.IsNullOrEmpty(environment.GetValueOrDefault("DISPLAY"))
                )
                {
                    ExtraHosts = parse.GetValue(allowHost) ?? [],
                    Interactive =
                        parse.GetValue(interactive) || (!Console.IsInputRedirected && !parse.GetValue(headless) && !durationGiven),
                };
                var options = new RunOptions(
                    Path.GetFullPath(parse.GetValue(reportDir)!),
                    null,
                    null,
                    "./harness repro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2))
                )
                {
                    BrowserFromEnvironment = environment.GetValueOrDefault("HARNESS_BROWSER"),
                };
                return await RunAsync(request, durationGiven, options, environment, output).ConfigureAwait(false);
            }
        );
        return command;
    }

    /// <summary>The scenario a repro prints, as YAML a user can commit.</summary>
    internal static string Yaml(
        Uri target,
        string? profile,
        string? latency,
        string? jitter,
        string? loss,
        string? bandwidth,
        string duration,
        int seed,
        bool headed
    ) => ReproScenario.Committable(new ReproRequest(target, profile, latency, jitter, loss, bandwidth, duration, seed, headed));

    private static async Task<int> RunAsync(
        ReproRequest request,
        bool durationGiven,
        RunOptions options,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output
    )
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), "repro.yaml");
        var printed = ReproScenario.Committable(request);
        var committable = Load(printed, path, environment, output);
        if (committable is null)
            return ExitCodes.InvalidInput;
        output.Line("# The equivalent scenario (save it under scenarios/ to keep this reproduction):");
        output.Line(printed);
        var run = Load(ReproScenario.ForRun(request, durationGiven), path, environment, output);
        if (run is null)
            return ExitCodes.InvalidInput;
        var conditions = committable.Network.Proxies.Single().Profile
            ?? new NetworkProfile("none", null, null, null, null, null, null, null);

        using var interrupt = new InterruptSource(output.Progress);
        try
        {
            var browser = new BrowserSettings { EnvironmentExecutablePath = options.BrowserFromEnvironment };
            await BrowserCheck.LaunchAsync(browser).WaitAsync(interrupt.Token).ConfigureAwait(false);
            await using var network = await ReproNetwork
                .StartAsync(request, conditions, output.Progress, interrupt.Token)
                .ConfigureAwait(false);
            return await RunThroughAsync(request, run, options, network, output, interrupt.Token).ConfigureAwait(false);
        }
        catch (BrowserUnavailableException e)
        {
            output.Error($"browser unusable: {e.Message}");
            return ExitCodes.InfrastructureUnusable;
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            output.Error("interrupted before the page opened");
            return ExitCodes.Interrupted;
        }
    }

    private static async Task<int> RunThroughAsync(
        ReproRequest request,
        Scenario run,
        RunOptions options,
        ReproNetwork network,
        ConsoleOutput output,
        CancellationToken interrupt
    )
    {
        using var stopConsole = new CancellationTokenSource();
        if (request.Interactive)
        {
            var console = new InteractiveConsole(Console.In, network.Origins, output.Line);
            _ = console.RunAsync(stopConsole.Token);
        }
        var routed = options with { Toxiproxy = network.ApiAddress, BrowserArgs = network.BrowserArgs };
        var outcome = await new ScenarioRunner(TimeProvider.System, output.Progress).RunAsync(run, routed, interrupt).ConfigureAwait(false);
        await stopConsole.CancelAsync().ConfigureAwait(false);
        return await JudgeAsync(request, outcome, network, output).ConfigureAwait(false);
    }

    private static async Task<int> JudgeAsync(ReproRequest request, RunOutcome outcome, ReproNetwork network, ConsoleOutput output)
    {
        var page = outcome.Results.Probes.FirstOrDefault(p => p.Kind == "browser");
        var gotoFailed = page?.Iterations.FirstOrDefault()?.Steps.Any(s => s.Kind == "goto" && s.Outcome == "failed") == true;
        var unreachable = gotoFailed
            ? await Reachability.ProblemAsync(request.Target.Host, request.Target.Port, CancellationToken.None).ConfigureAwait(false)
            : null;
        var verdict = ReproVerdict.Judge(outcome.Results, request.Interactive, unreachable);
        var origins = network.Origins.Origins;
        output.Line(
            $"repro: {(verdict.ExitCode == ExitCodes.Passed ? "passed" : "FAILED")}; "
                + $"origins: {(origins.Count == 0 ? "none reached" : string.Join(", ", origins.Select(o => $"{o.Address} via {o.ProxyName}")))}"
                + "; "
                + $"screenshots and trace in {Path.Combine(outcome.ReportDirectory, "artifacts")}; "
                + $"report {Path.Combine(outcome.ReportDirectory, "index.html")}"
        );
        if (verdict.Reason is not null)
            output.Error(verdict.Reason);
        return verdict.ExitCode;
    }

    private static Scenario? Load(string yaml, string path, IReadOnlyDictionary<string, string> environment, ConsoleOutput output)
    {
        var loaded = ScenarioLoader.LoadText(yaml, path, "repro.yaml", environment);
        foreach (var diagnostic in loaded.Diagnostics)
            output.Line(diagnostic.ToString());
        return loaded.Succeeded ? loaded.Scenario : null;
    }
}

using System.CommandLine;
using System.Globalization;
using Harness.Orchestration;

namespace Harness.Cli;

/// <summary>The command line: parses arguments into options once; nothing below reads argv or the environment.</summary>
internal static class HarnessCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = new ConsoleOutput(TimeProvider.System);
        // The only place the process environment is read; everything below gets it as a value.
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        var paths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var reportDir = new Option<string>("--report-dir") { Description = "Where run reports go", DefaultValueFactory = _ => "reports" };
        var seed = new Option<int?>("--seed") { Description = "Seed for every random decision (overrides the scenario's)" };
        var toxiproxy = new Option<string?>("--toxiproxy") { Description = "Use the Toxiproxy API at this URL instead of the embedded server" };

        var filter = new Option<string?>("--filter") { Description = "Run only matrix cells whose name contains this text (or matches this glob)" };
        var run = new Command("run", "Run scenarios and write reports") { paths, reportDir, seed, toxiproxy, filter };
        run.SetAction(async (parse, _) =>
        {
            Uri? toxiproxyUrl = null;
            if (parse.GetValue(toxiproxy) is { } raw && !Uri.TryCreate(raw, UriKind.Absolute, out toxiproxyUrl))
            {
                output.Error($"--toxiproxy '{raw}' is not an absolute URL (e.g. http://127.0.0.1:8474)");
                return ExitCodes.InvalidInput;
            }
            var options = new RunOptions(Path.GetFullPath(parse.GetValue(reportDir)!), parse.GetValue(seed), toxiproxyUrl, CommandLineFor(args))
            {
                BrowserFromEnvironment = environment.GetValueOrDefault("HARNESS_BROWSER"),
            };
            using var interrupt = new InterruptSource(output.Progress);
            return await RunCommand.ExecuteAsync(parse.GetValue(paths)!, options, environment, output, interrupt.Token, parse.GetValue(filter)).ConfigureAwait(false);
        });

        var validatePaths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var validate = new Command("validate", "Load and check scenarios without running them") { validatePaths };
        validate.SetAction(parse => ValidateCommand.Execute(parse.GetValue(validatePaths)!, environment, output));

        // toxiproxy-server's own flags (-host, -port, ...) follow Go's syntax, not ours: hand them over untouched.
        if (args.Length > 0 && args[0] == "toxiproxy") return await ToxiproxyCommand.RunAsync(args[1..], environment).ConfigureAwait(false);

        var planPaths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var plan = new Command("plan", "Print what a run would do (proxies, toxics per phase, events, probes); touches nothing") { planPaths };
        plan.SetAction(parse => PlanCommand.Execute(parse.GetValue(planPaths)!, environment, output));

        var listPaths = new Argument<string[]>("paths") { Description = "Folders or files (default: scenarios)", Arity = ArgumentArity.ZeroOrMore };
        var list = new Command("list", "List scenarios with descriptions and tags") { listPaths };
        list.SetAction(parse => ListCommand.Execute(parse.GetValue(listPaths) ?? [], environment, output));

        var toxiproxyHelp = new Command("toxiproxy", "Run the standalone Toxiproxy-compatible server (toxiproxy-server's flags: -host, -port, -config, -seed, -proxy-metrics, -runtime-metrics, -version)");
        var root = new RootCommand("harness: synthetic monitoring through impaired networks") { run, validate, plan, list, toxiproxyHelp };
        root.Add(ReportCommand.Create(output));
        root.Add(HistoryCommand.Create(output));
        root.Add(CompareCommand.Create(output));
        root.Add(ReproCommand.Create(environment, output));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors) output.Error(error.Message);
            output.Error("see 'harness --help'");
            return ExitCodes.InvalidInput;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
    }

    private static string CommandLineFor(string[] args) =>
        "./harness " + string.Join(' ', args.Select(a => a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a).Select(a => a.ToString(CultureInfo.InvariantCulture)));
}

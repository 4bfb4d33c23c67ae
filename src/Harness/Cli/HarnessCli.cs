using System.CommandLine;
using System.Globalization;
using Harness.Orchestration;

namespace Harness.Cli;

/// <summary>The command line: parses arguments into options once; nothing below reads argv or the environment.</summary>
internal static class HarnessCli
{
    /// <param name="parseOnly">Only check that the arguments parse (tests of the commands that CI files and manifests run): 0 or 2.</param>
    public static Task<int> RunAsync(string[] args, bool parseOnly = false) =>
        RunAsync(args, new ConsoleOutput(TimeProvider.System), parseOnly);

    /// <summary>As <see cref="RunAsync(string[], bool)"/>, writing to <paramref name="output"/> (tests capture it).</summary>
    internal static async Task<int> RunAsync(string[] args, ConsoleOutput output, bool parseOnly = false)
    {
        // The only place the process environment is read; everything below gets it as a value.
        var environment = Environment
            .GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        var paths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var reportDir = new Option<string>("--report-dir") { Description = "Where run reports go", DefaultValueFactory = _ => "reports" };
        var seed = new Option<int?>("--seed") { Description = "Seed for every random decision (overrides the scenario's)" };
        var toxiproxy = new Option<string?>("--toxiproxy")
        {
            Description = "Use the Toxiproxy API at this URL instead of the embedded server (a loopback host or one in target.allow_hosts)",
        };

        var filter = new Option<string?>("--filter")
        {
            Description = "Run only matrix cells whose name contains this text (or matches this glob)",
        };
        var noColor = new Option<bool>("--no-color")
        {
            Description =
                "Plain progress lines and a status line every 5 s instead of the live view (also when stderr is not a terminal, TERM=dumb or NO_COLOR is set)",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr: only the result lines and errors" };
        var vars = VarOption();
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "Alternating comparison: the baseline's variable values (NAME=VALUE, repeatable); needs --candidate",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var candidate = new Option<string[]>("--candidate")
        {
            Description = "Alternating comparison: the candidate's variable values (NAME=VALUE, repeatable); needs --baseline",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rounds = new Option<int?>("--rounds")
        {
            Description =
                $"Alternating comparison: rounds of one baseline and one candidate run each (default {AlternatingPlan.DefaultRounds})",
        };
        var by = CompareCommand.ByOption();
        var runTags = TagOption();
        var toxiproxyWait = ToxiproxyWaitOption.Create();
        var shard = ShardCommand.Option();
        var (push, otlp, notify) = ExportOptions.Create();
        var run = new Command("run", "Run scenarios and write reports")
        {
            paths,
            reportDir,
            seed,
            toxiproxy,
            filter,
            noColor,
            quiet,
            vars,
            baseline,
            candidate,
            rounds,
            by,
            runTags,
            toxiproxyWait,
            shard,
            push,
            otlp,
            notify,
        };
        run.SetAction(
            async (parse, _) =>
            {
                Uri? toxiproxyUrl = null;
                if (parse.GetValue(toxiproxy) is { } raw && !Uri.TryCreate(raw, UriKind.Absolute, out toxiproxyUrl))
                {
                    output.Error($"--toxiproxy '{raw}' is not an absolute URL (e.g. http://127.0.0.1:8474)");
                    return ExitCodes.InvalidInput;
                }
                var options = new RunOptions(
                    Path.GetFullPath(parse.GetValue(reportDir)!),
                    parse.GetValue(seed),
                    toxiproxyUrl,
                    CommandLineFor(args)
                )
                {
                    BrowserFromEnvironment = environment.GetValueOrDefault("HARNESS_BROWSER"),
                };
                output.Mode = Live.ProgressModes.Choose(
                    parse.GetValue(quiet),
                    parse.GetValue(noColor),
                    !Console.IsErrorRedirected,
                    environment
                );
                var errors = new List<string>();
                options = options with
                {
                    ToxiproxyWait = ToxiproxyWaitOption.Parse(parse.GetValue(toxiproxyWait), errors) ?? TimeSpan.Zero,
                };
                var shared = VariableArguments.Parse(parse.GetValue(vars) ?? [], "--var", errors);
                var request = new AlternatingRequest(
                    VariableArguments.Parse(parse.GetValue(baseline) ?? [], "--baseline", errors),
                    VariableArguments.Parse(parse.GetValue(candidate) ?? [], "--candidate", errors),
                    parse.GetValue(rounds) ?? AlternatingPlan.DefaultRounds
                )
                {
                    By = parse.GetValue(by) ?? [],
                };
                var alternating = request.Baseline.Count > 0 || request.Candidate.Count > 0;
                options = options with { Exports = ExportOptions.Read(parse, push, otlp, notify, alternating, errors) };
                if (!alternating && request.By.Count > 0)
                    errors.Add("--by needs --baseline and --candidate");
                if (request.Baseline.Count == 0 && request.Candidate.Count == 0 && parse.GetValue(rounds) is not null)
                    errors.Add("--rounds needs --baseline and --candidate");
                var shardSpec = ShardCommand.Parse(parse.GetValue(shard), alternating, errors);
                foreach (var error in errors)
                    output.Error(error);
                if (errors.Count > 0)
                    return ExitCodes.InvalidInput;
                using var interrupt = new InterruptSource(output.Progress);
                if (request.Baseline.Count > 0 || request.Candidate.Count > 0)
                {
                    return await AlternatingCommand
                        .ExecuteAsync(
                            parse.GetValue(paths)!,
                            options,
                            environment,
                            output,
                            interrupt.Token,
                            parse.GetValue(filter),
                            shared,
                            request,
                            () => Random.Shared.Next(),
                            TimeProvider.System
                        )
                        .ConfigureAwait(false);
                }
                return await RunCommand
                    .ExecuteAsync(
                        parse.GetValue(paths)!,
                        options,
                        environment,
                        output,
                        interrupt.Token,
                        parse.GetValue(filter),
                        shared,
                        parse.GetValue(runTags),
                        shardSpec
                    )
                    .ConfigureAwait(false);
            }
        );

        var validatePaths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var validateVars = VarOption();
        var validate = new Command("validate", "Load and check scenarios without running them") { validatePaths, validateVars };
        validate.SetAction(parse =>
            WithVariables(parse.GetValue(validateVars), output, v =>
                ValidateCommand.Execute(parse.GetValue(validatePaths)!, environment, output, v)
            )
        );

        // toxiproxy-server's own flags (-host, -port, ...) follow Go's syntax, not ours: hand them over untouched.
        if (args.Length > 0 && args[0] == "toxiproxy")
            return await ToxiproxyCommand.RunAsync(args[1..], environment).ConfigureAwait(false);

        var planPaths = new Argument<string[]>("paths") { Description = "Scenario files or folders", Arity = ArgumentArity.OneOrMore };
        var planVars = VarOption();
        var plan = new Command("plan", "Print what a run would do (proxies, toxics per phase, events, probes); touches nothing")
        {
            planPaths,
            planVars,
        };
        plan.SetAction(parse =>
            WithVariables(parse.GetValue(planVars), output, v => PlanCommand.Execute(parse.GetValue(planPaths)!, environment, output, v))
        );

        var listPaths = new Argument<string[]>("paths")
        {
            Description = "Folders or files (default: scenarios)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var listTags = TagOption();
        var list = new Command("list", "List scenarios with descriptions and tags") { listPaths, listTags };
        list.SetAction(parse => ListCommand.Execute(parse.GetValue(listPaths) ?? [], environment, output, parse.GetValue(listTags)));

        var toxiproxyHelp = new Command(
            "toxiproxy",
            "Run the standalone Toxiproxy-compatible server (toxiproxy-server's flags: -host, -port, -config, -seed, -proxy-metrics, -runtime-metrics, -version)"
        );
        var root = new RootCommand("harness: synthetic monitoring through impaired networks") { run, validate, plan, list, toxiproxyHelp };
        root.Add(ReportCommand.Create(output));
        root.Add(HistoryCommand.Create(output));
        root.Add(CompareCommand.Create(output));
        root.Add(MergeCommand.Create(output));
        root.Add(ReproCommand.Create(environment, output));
        root.Add(ProfilesCommandLine.Create(output));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors)
                output.Error(error.Message);
            output.Error("see 'harness --help'");
            return ExitCodes.InvalidInput;
        }
        if (parseOnly)
            return ParseCheck.Result(parsed);
        if (ParseCheck.UnknownOptions(parsed) is { Count: > 0 } unknown)
        {
            foreach (var message in unknown)
                output.Error(message);
            return ExitCodes.InvalidInput;
        }
        return await parsed
            .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false })
            .ConfigureAwait(false);
    }

    private static Option<string[]> VarOption() =>
        new("--var")
        {
            Description = "Override a variable declared under variables: (NAME=VALUE, repeatable; the value is taken literally)",
            Arity = ArgumentArity.ZeroOrMore,
        };

    private static Option<string[]> TagOption() =>
        new("--tag")
        {
            Description = "Only scenarios carrying this tag (top-level tags:; repeatable: any of them)",
            Arity = ArgumentArity.ZeroOrMore,
        };

    private static int WithVariables(string[]? raw, ConsoleOutput output, Func<IReadOnlyDictionary<string, string>, int> execute)
    {
        var errors = new List<string>();
        var variables = VariableArguments.Parse(raw ?? [], "--var", errors);
        foreach (var error in errors)
            output.Error(error);
        return errors.Count > 0 ? ExitCodes.InvalidInput : execute(variables);
    }

    private static string CommandLineFor(string[] args) =>
        "./harness "
        + string.Join(
            ' ',
            ExportOptions
                .Masked(args)
                .Select(a => a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a)
                .Select(a => a.ToString(CultureInfo.InvariantCulture))
        );
}

using System.Globalization;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Compare;
using Harness.Reports.Model;
using Harness.Scenarios.Model;

namespace Harness.Cli;

/// <summary>What an alternating comparison was asked for: the two sides' variable values and how many rounds.</summary>
internal sealed record AlternatingRequest(
    IReadOnlyDictionary<string, string> Baseline,
    IReadOnlyDictionary<string, string> Candidate,
    int Rounds
)
{
    /// <summary>Tags to break the comparison down by (<c>--by step</c>); empty for whole metrics only.</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Every mistake in the request, given the shared <c>--var</c> values; empty when it can run.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> shared)
    {
        var problems = new List<string>();
        if (Baseline.Count == 0 || Candidate.Count == 0)
            problems.Add("--baseline and --candidate go together: give both, e.g. --baseline api_delay_ms=0 --candidate api_delay_ms=100");
        foreach (var name in Baseline.Keys.Except(Candidate.Keys).Order(StringComparer.Ordinal))
            if (Candidate.Count > 0)
                problems.Add($"--baseline sets {name} but --candidate does not; both sides must set the same variables");
        foreach (var name in Candidate.Keys.Except(Baseline.Keys).Order(StringComparer.Ordinal))
            if (Baseline.Count > 0)
                problems.Add($"--candidate sets {name} but --baseline does not; both sides must set the same variables");
        foreach (var name in shared.Keys.Where(n => Baseline.ContainsKey(n) || Candidate.ContainsKey(n)).Order(StringComparer.Ordinal))
            problems.Add($"--var {name} is also set by --baseline/--candidate; set it in one place");
        if (Rounds is < 1 or > AlternatingPlan.MaxRounds)
            problems.Add(
                $"--rounds must be between 1 and {AlternatingPlan.MaxRounds.ToString(CultureInfo.InvariantCulture)}, got {Rounds.ToString(CultureInfo.InvariantCulture)}"
            );
        return problems;
    }

    /// <summary>
    /// Set when the rounds cannot cancel a drift of the machine: with an odd number the candidate ran later on average,
    /// so a warm-up or a neighbour's build starting can read as a change (docs/compare.md).
    /// </summary>
    public string? OrderWarning =>
        Rounds % 2 == 0
            ? null
            : $"--rounds {Rounds.ToString(CultureInfo.InvariantCulture)} is odd: the candidate ran 1/{Rounds.ToString(CultureInfo.InvariantCulture)} "
                + "of a run later on average, so a drift of the machine can read as a change; use an even number (default 2)";

    public static string Describe(IReadOnlyDictionary<string, string> values) =>
        string.Join(" ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}

/// <summary>
/// <c>harness run PATH --baseline NAME=VALUE --candidate NAME=VALUE [--rounds N]</c>: runs one scenario as baseline and
/// as candidate in alternating rounds, every run with the same seed (so the same impairment decisions), into one folder
/// <c>reports/&lt;stamp&gt;-&lt;name&gt;-ab/</c> holding each run's report (<c>1-baseline/</c>, <c>1-candidate/</c>, ...) and
/// compare.html, compare.md and compare.json of the pooled sides. Exit 1 when a metric regressed, 0 otherwise, 2 for bad
/// input, 3 when a run found the target or the infrastructure unusable (the rest are skipped), 130 when interrupted.
/// </summary>
internal static class AlternatingCommand
{
    public const string FolderSuffix = "-ab";

    public static async Task<int> ExecuteAsync(
        IReadOnlyList<string> paths,
        RunOptions options,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        CancellationToken interrupt,
        string? filter,
        IReadOnlyDictionary<string, string> shared,
        AlternatingRequest request,
        Func<int> newSeed,
        TimeProvider time
    )
    {
        var problems = request.Problems(shared);
        foreach (var problem in problems)
            output.Line(problem);
        if (problems.Count > 0)
            return ExitCodes.InvalidInput;
        var baseline = LoadSide(paths, environment, output, filter, shared, request.Baseline, Side.Baseline);
        var candidate = LoadSide(paths, environment, output, filter, shared, request.Candidate, Side.Candidate);
        if (baseline is null || candidate is null || !ToxiproxyOverride.Allowed(options.Toxiproxy, [baseline, candidate], output))
        {
            output.Line("nothing was run: fix the problems above first");
            return ExitCodes.InvalidInput;
        }

        // One seed for every run: the same impairment decisions on both sides, so only the variables differ.
        var seed = options.Seed ?? baseline.Seed ?? newSeed();
        var parent = ReportWriter.CreateRunDirectory(options.ReportRoot, time.GetUtcNow(), baseline.Name + FolderSuffix);
        var parentId = Path.GetFileName(parent);
        var plan = AlternatingPlan.For(request.Rounds);
        output.Progress(
            $"{baseline.Name}: {plan.Count.ToString(CultureInfo.InvariantCulture)} runs alternating baseline ({AlternatingRequest.Describe(request.Baseline)}) "
                + $"and candidate ({AlternatingRequest.Describe(request.Candidate)}), seed {seed.ToString(CultureInfo.InvariantCulture)}, in {parent}"
        );
        output.Redact(baseline.Secrets.Concat(candidate.Secrets));
        if (request.OrderWarning is { } warning)
            output.Line($"warning: {warning}");
        var runner = new ScenarioRunner(time, output.Progress);
        var runs = new List<(ComparedRun Run, RunResults Results)>();
        foreach (var (round, side) in plan)
        {
            if (interrupt.IsCancellationRequested)
                break;
            var slug = ComparedRun.Slug(round, side);
            var placement = new ReportPlacement(
                Path.Combine(parent, slug),
                $"{parentId}-{slug}",
                Path.Combine(parent, History.HistoryStore.FileName)
            );
            var scenario = side == Side.Baseline ? baseline : candidate;
            var values = side == Side.Baseline ? request.Baseline : request.Candidate;
            // The command printed in this run's report repeats this run alone, not the whole comparison.
            var command = ReproduceCommand(paths, filter, seed, shared.Concat(values));
            var outcome = await Live
                .RunWatch.RunAsync(
                    runner,
                    scenario,
                    options with
                    {
                        Seed = seed,
                        Placement = placement,
                        Command = command,
                    },
                    output,
                    interrupt
                )
                .ConfigureAwait(false);
            var r = outcome.Results;
            var variables = AlternatingRequest.Describe(values);
            runs.Add((new ComparedRun(round, side, variables, r.RunId, slug, r.Status, r.ExitCode), r));
            output.Line(
                $"round {round.ToString(CultureInfo.InvariantCulture)} {CompareMarkdown.Word(side)} ({variables}): {ReportFormat.Verdict(r.Status)} "
                    + $"(exit {r.ExitCode.ToString(CultureInfo.InvariantCulture)}); report: {Path.Combine(outcome.ReportDirectory, ReportWriter.HtmlFile)}"
            );
            foreach (var error in r.Errors)
                output.Line($"  error: {error}");
            if (r.Status == RunStatus.Error)
            {
                output.Line(
                    "  the target or the impairment infrastructure was unusable (exit 3); the remaining runs were skipped and nothing was compared"
                );
                return ExitCodes.InfrastructureUnusable;
            }
        }
        if (interrupt.IsCancellationRequested || runs.Any(r => r.Results.Status == RunStatus.Interrupted))
        {
            output.Line(
                $"interrupted after {runs.Count.ToString(CultureInfo.InvariantCulture)} of {plan.Count.ToString(CultureInfo.InvariantCulture)} runs; nothing was compared (reports in {parent})"
            );
            return ExitCodes.Interrupted;
        }

        var comparison = Compare(runs, request);
        output.Line(CompareMarkdown.Render(comparison));
        await CompareWriter
            .WriteAsync(
                parent,
                comparison,
                new Scenarios.Loading.Redactor(baseline.Secrets.Concat(candidate.Secrets)).Apply,
                CancellationToken.None
            )
            .ConfigureAwait(false);
        output.Line(
            $"{baseline.Name} baseline vs candidate: {CompareMarkdown.Word(comparison.Overall).ToUpperInvariant()}; compare: {Path.Combine(parent, CompareHtml.FileName)}"
        );
        return comparison.Overall == ChangeVerdict.Regressed ? ExitCodes.ThresholdsFailed : ExitCodes.Passed;
    }

    /// <summary>
    /// Pools each side's rounds and compares them; threshold failures of single runs become notes (the verdict is the comparison's).
    /// </summary>
    public static RunComparison Compare(IReadOnlyList<(ComparedRun Run, RunResults Results)> runs, AlternatingRequest request)
    {
        RunResults Side(Side side, IReadOnlyDictionary<string, string> values)
        {
            var rounds = runs.Where(r => r.Run.Side == side).Select(r => r.Results).ToList();
            return RoundPooling.Pool(
                $"{CompareMarkdown.Word(side)} {AlternatingRequest.Describe(values)}, {rounds.Count.ToString(CultureInfo.InvariantCulture)} round(s) pooled",
                rounds
            );
        }
        var comparison = RunComparer.Compare(
            Side(Reports.Compare.Side.Baseline, request.Baseline),
            Side(Reports.Compare.Side.Candidate, request.Candidate),
            request.By
        );
        var failed = runs.SelectMany(r =>
            r.Results.Thresholds.Where(t => !t.Passed)
                .Select(t =>
                    $"round {r.Run.Round.ToString(CultureInfo.InvariantCulture)} {CompareMarkdown.Word(r.Run.Side)} failed threshold {t.Probe}: {t.Expression}"
                )
        );
        string[] order = request.OrderWarning is { } warning ? [warning] : [];
        return comparison with { Notes = [.. order, .. comparison.Notes, .. failed], Rounds = runs.Select(r => r.Run).ToList() };
    }

    public static string ReproduceCommand(
        IEnumerable<string> paths,
        string? filter,
        int seed,
        IEnumerable<KeyValuePair<string, string>> variables
    )
    {
        static string Quote(string a) =>
            a.Length == 0
            || a.Any(c =>
                char.IsWhiteSpace(c)
                || c is '"' or '\'' or '$' or '`' or '\\' or ';' or '&' or '|' or '*' or '?' or '[' or '(' or ')' or '<' or '>'
            )
                ? "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
                : a;
        var args = new List<string> { "./harness", "run" };
        args.AddRange(paths.Select(Quote));
        if (filter is not null)
            args.AddRange(["--filter", Quote(filter)]);
        args.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            args.AddRange(["--var", Quote($"{name}={value}")]);
        return string.Join(' ', args);
    }

    private static Scenario? LoadSide(
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        string? filter,
        IReadOnlyDictionary<string, string> shared,
        IReadOnlyDictionary<string, string> side,
        Side which
    )
    {
        var values = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        foreach (var (name, value) in side)
            values[name] = value;
        var loaded = ValidateCommand.Load(paths, environment, output, values);
        if (loaded is null)
            return null;
        var cells = loaded.SelectMany(l => l.Cells).Where(c => filter is null || RunCommand.Matches(c.DisplayName, filter)).ToList();
        if (cells.Count == 1)
            return cells[0];
        output.Line(
            cells.Count == 0
                ? $"no scenario or matrix cell matches --filter '{filter}'"
                : $"--{CompareMarkdown.Word(which)}: an alternating comparison runs exactly one scenario, but {string.Join(", ", paths)} holds {cells.Count.ToString(CultureInfo.InvariantCulture)} "
                    + $"({string.Join(", ", cells.Select(c => c.DisplayName))}); give one file, and --filter to pick one matrix cell"
        );
        return null;
    }
}

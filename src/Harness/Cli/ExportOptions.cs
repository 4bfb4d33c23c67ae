using System.CommandLine;
using Harness.Exporting;

namespace Harness.Cli;

/// <summary><c>run --push URL --otlp URL --notify URL</c>: where results go besides the report.</summary>
internal static class ExportOptions
{
    private static readonly string[] Names = ["--push", "--otlp", "--notify"];

    /// <summary>Why an A/B run exports nothing: its rounds are one experiment, and both sides share the scenario's series.</summary>
    private const string AlternatingRefusal =
        "--push, --otlp and --notify apply to runs, not to an alternating comparison "
        + "(--baseline/--candidate): its verdict is the comparison's, not a run's, and its baseline and candidate runs share the "
        + "scenario's labels, so their series could not be told apart (and a notification would fire at every alternation); "
        + "to export a side, run each side on its own (--var NAME=VALUE)";

    public static (Option<string?> Push, Option<string?> Otlp, Option<string?> Notify) Create() =>
        (
            new Option<string?>("--push")
            {
                Description = "Push each run's results to this Prometheus Pushgateway (e.g. http://127.0.0.1:9091); see docs/monitoring.md",
            },
            new Option<string?>("--otlp")
            {
                Description = "Export each run's results as OpenTelemetry gauges over OTLP/HTTP protobuf (e.g. http://127.0.0.1:4318)",
            },
            new Option<string?>("--notify")
            {
                Description = "Post a Slack-compatible JSON message here when a run fails, or passes again after a failure",
            }
        );

    /// <summary>The three URLs, each checked; an A/B run (<c>--baseline</c>/<c>--candidate</c>) takes none of them.</summary>
    public static ExportTargets Read(
        ParseResult parse,
        Option<string?> push,
        Option<string?> otlp,
        Option<string?> notify,
        bool alternating,
        List<string> errors
    )
    {
        var targets = new ExportTargets(
            ExportTargets.Parse(parse.GetValue(push), "--push", "http://127.0.0.1:9091", errors),
            ExportTargets.Parse(parse.GetValue(otlp), "--otlp", "http://127.0.0.1:4318", errors),
            ExportTargets.Parse(parse.GetValue(notify), "--notify", "https://hooks.example.com/services/...", errors)
        );
        if (alternating && targets.Any)
            errors.Add(AlternatingRefusal);
        return targets;
    }

    /// <summary>
    /// The arguments as a report may record them: a webhook's address is its secret, so <c>--notify</c> keeps only its
    /// scheme and host; <c>--push</c> and <c>--otlp</c> lose any user info.
    /// </summary>
    public static IEnumerable<string> Masked(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = Names.FirstOrDefault(n => arg == n || arg.StartsWith(n + "=", StringComparison.Ordinal));
            if (name is null)
            {
                yield return arg;
                continue;
            }
            if (arg == name && i + 1 < args.Count)
            {
                yield return arg;
                yield return Mask(name, args[++i]);
            }
            else
            {
                yield return arg.Length > name.Length ? $"{name}={Mask(name, arg[(name.Length + 1)..])}" : arg;
            }
        }
    }

    private static string Mask(string option, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Authority.Length == 0)
            return "***";
        if (option == "--notify")
            return url.PathAndQuery is "/" or "" ? ExportTargets.Display(url) : ExportTargets.Display(url) + "/***";
        return url.UserInfo.Length == 0 ? value : new UriBuilder(url) { UserName = "", Password = "" }.Uri.ToString();
    }
}

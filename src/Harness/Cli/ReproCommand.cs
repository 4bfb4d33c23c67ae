using System.CommandLine;
using System.Globalization;
using System.Text;
using Harness.Orchestration;
using Harness.Scenarios.Loading;

namespace Harness.Cli;

/// <summary>
/// <c>harness repro URL</c>: opens a page through a named profile or an ad-hoc network, in a real browser (headed
/// when a display is available), saves screenshots and a trace, and prints the equivalent scenario YAML so the
/// reproduction can be committed to scenarios/.
/// </summary>
internal static class ReproCommand
{
    public static Command Create(IReadOnlyDictionary<string, string> environment, ConsoleOutput output)
    {
        var url = new Argument<string>("url") { Description = "The page to open, e.g. http://127.0.0.1:5080/room/1" };
        var profile = new Option<string?>("--profile") { Description = "A profile from scenarios/profiles (e.g. slow-3g)" };
        var latency = new Option<string?>("--latency") { Description = "Round trip to add, e.g. 300ms" };
        var jitter = new Option<string?>("--jitter") { Description = "Jitter, e.g. 50ms" };
        var loss = new Option<string?>("--loss") { Description = "Packet loss, e.g. 2%" };
        var bandwidth = new Option<string?>("--bandwidth") { Description = "Bandwidth each way, e.g. 500KB/s or 4Mbit/s" };
        var duration = new Option<string>("--duration") { Description = "How long to keep the page open", DefaultValueFactory = _ => "20s" };
        var seed = new Option<int?>("--seed") { Description = "Seed for jitter and loss decisions" };
        var headless = new Option<bool>("--headless") { Description = "Never open a window, even with a display" };
        var reportDir = new Option<string>("--report-dir") { DefaultValueFactory = _ => "reports" };
        var command = new Command("repro", "Open a URL through an impaired network in a browser; save screenshots and a trace; print the scenario YAML")
        {
            url, profile, latency, jitter, loss, bandwidth, duration, seed, headless, reportDir,
        };
        command.SetAction(async (parse, _) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
            {
                output.Error($"'{parse.GetValue(url)}' is not an absolute http(s) URL");
                return ExitCodes.InvalidInput;
            }
            var headed = !parse.GetValue(headless) && !string.IsNullOrEmpty(environment.GetValueOrDefault("DISPLAY"));
            var yaml = Yaml(target, parse.GetValue(profile), parse.GetValue(latency), parse.GetValue(jitter), parse.GetValue(loss), parse.GetValue(bandwidth),
                parse.GetValue(duration)!, parse.GetValue(seed) ?? Random.Shared.Next(1, int.MaxValue), headed);
            var path = Path.Combine(Directory.GetCurrentDirectory(), "repro.yaml");
            var loaded = ScenarioLoader.LoadText(yaml, path, "repro.yaml", environment);
            foreach (var diagnostic in loaded.Diagnostics) output.Line(diagnostic.ToString());
            if (!loaded.Succeeded) return ExitCodes.InvalidInput;
            output.Line("# The equivalent scenario (save it under scenarios/ to keep this reproduction):");
            output.Line(yaml);
            using var interrupt = new InterruptSource(output.Progress);
            var options = new RunOptions(Path.GetFullPath(parse.GetValue(reportDir)!), null, null, "./harness repro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)))
            {
                BrowserFromEnvironment = environment.GetValueOrDefault("HARNESS_BROWSER"),
            };
            var outcome = await new ScenarioRunner(TimeProvider.System, output.Progress).RunAsync(loaded.Scenario!, options, interrupt.Token).ConfigureAwait(false);
            output.Line($"repro: {outcome.Results.Status.ToString().ToLowerInvariant()}; screenshots and trace in {Path.Combine(outcome.ReportDirectory, "artifacts")}; report {Path.Combine(outcome.ReportDirectory, "index.html")}");
            return outcome.Results.ExitCode;
        });
        return command;
    }

    /// <summary>The scenario a repro runs, as YAML a user can commit.</summary>
    internal static string Yaml(Uri target, string? profile, string? latency, string? jitter, string? loss, string? bandwidth, string duration, int seed, bool headed)
    {
        var host = target.Host;
        var port = target.Port.ToString(CultureInfo.InvariantCulture);
        var fields = new List<string>();
        if (profile is not null) fields.Add($"name: {profile}");
        if (latency is not null) fields.Add($"rtt: {latency}");
        if (jitter is not null) fields.Add($"jitter: {jitter}");
        if (loss is not null) fields.Add($"loss: {loss}");
        if (bandwidth is not null) fields.Add($"down: {bandwidth}, up: {bandwidth}");
        var path = target.PathAndQuery;
        var yaml = new StringBuilder();
        yaml.AppendLine("# yaml-language-server: $schema=../schema/scenario.schema.json");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: repro-{string.Concat(host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"description: \"Reproduction: {target} through {(fields.Count == 0 ? "an unimpaired proxy" : string.Join(", ", fields))}\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"seed: {seed}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"target: {{ base_url: \"{target.GetLeftPart(UriPartial.Authority)}\", allow_hosts: [\"{host}\"] }}");
        yaml.AppendLine("network:");
        if (fields.Count > 0) yaml.AppendLine(CultureInfo.InvariantCulture, $"  profile: {{ {string.Join(", ", fields)} }}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  proxies: [ {{ name: repro, upstream: \"{host}:{port}\", hosts: [\"{host}\"] }} ]");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"timeline: [ {{ phase: repro, duration: {duration} }} ]");
        yaml.AppendLine("probes:");
        yaml.AppendLine("  - browser:");
        yaml.AppendLine("      name: page");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      headless: {(headed ? "false" : "true")}");
        yaml.AppendLine("      screenshots: always");
        yaml.AppendLine("      trace: always");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      steps: [ {{ goto: \"{path}\" }}, {{ screenshot: loaded }}, {{ wait: 5s }}, {{ screenshot: after-5s }} ]");
        return yaml.ToString();
    }
}

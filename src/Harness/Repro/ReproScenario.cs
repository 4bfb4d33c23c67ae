using System.Globalization;
using System.Text;

namespace Harness.Repro;

/// <summary>What the user asked <c>harness repro</c> for, as given on the command line.</summary>
internal sealed record ReproRequest(
    Uri Target,
    string? Profile,
    string? Latency,
    string? Jitter,
    string? Loss,
    string? Bandwidth,
    string Duration,
    int Seed,
    bool Headed
)
{
    /// <summary>Hosts besides the target's that the page may reach (<c>--allow-host</c>).</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>Keep the page open until Ctrl-C (or --duration, when given) and take toxic changes from the console.</summary>
    public bool Interactive { get; init; }

    public IReadOnlyList<string> AllowHosts =>
        [Target.Host, .. ExtraHosts.Where(h => !h.Equals(Target.Host, StringComparison.OrdinalIgnoreCase))];
}

/// <summary>
/// The two scenarios of a repro. <see cref="Committable"/> is printed for scenarios/: one proxy for the target's
/// host with the chosen network. <see cref="ForRun"/> is what runs: no scenario proxies, because the repro routes
/// every origin the page uses (host:port) through its own proxy itself (<see cref="SocksRouter"/>); loopback is
/// allowed so the browser can reach that router.
/// </summary>
internal static class ReproScenario
{
    /// <summary>In interactive mode without --duration, the page stays open this long unless Ctrl-C comes first.</summary>
    public const string InteractiveLimit = "24h";

    private const string Thresholds = "  page: [ \"checks rate == 100%\", \"browser_page_errors count == 0\" ]";

    public static string Committable(ReproRequest request)
    {
        var yaml = Head(request, request.AllowHosts);
        var fields = Fields(request);
        var host = request.Target.Host;
        var port = request.Target.Port.ToString(CultureInfo.InvariantCulture);
        yaml.AppendLine("network:");
        if (fields.Count > 0)
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  profile: {{ {string.Join(", ", fields)} }}");
        yaml.AppendLine(
            CultureInfo.InvariantCulture,
            $"  proxies: [ {{ name: repro, upstream: \"{host}:{port}\", hosts: [\"{host}\"] }} ]"
        );
        return Tail(yaml, request.Duration, request, Steps(request, "5s")).ToString();
    }

    public static string ForRun(ReproRequest request, bool durationGiven)
    {
        var yaml = Head(request, [.. request.AllowHosts, "127.0.0.1"]);
        if (!request.Interactive)
            return Tail(yaml, request.Duration, request, Steps(request, "5s")).ToString();
        var limit = durationGiven ? request.Duration : InteractiveLimit;
        var steps = $"[ {{ goto: \"{request.Target.PathAndQuery}\" }}, {{ screenshot: loaded }}, {{ wait: {limit} }} ]";
        return Tail(yaml, limit, request, steps).ToString();
    }

    private static List<string> Fields(ReproRequest request)
    {
        var fields = new List<string>();
        if (request.Profile is not null)
            fields.Add($"name: {request.Profile}");
        if (request.Latency is not null)
            fields.Add($"rtt: {request.Latency}");
        if (request.Jitter is not null)
            fields.Add($"jitter: {request.Jitter}");
        if (request.Loss is not null)
            fields.Add($"loss: {request.Loss}");
        if (request.Bandwidth is not null)
            fields.Add($"down: {request.Bandwidth}, up: {request.Bandwidth}");
        return fields;
    }

    private static StringBuilder Head(ReproRequest request, IEnumerable<string> allowHosts)
    {
        var target = request.Target;
        var fields = Fields(request);
        var yaml = new StringBuilder();
        yaml.AppendLine("# yaml-language-server: $schema=../schema/scenario.schema.json");
        var safeHost = string.Concat(target.Host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: repro-{safeHost}");
        yaml.AppendLine(
            CultureInfo.InvariantCulture,
            $"description: \"Reproduction: {target} through {(fields.Count == 0 ? "an unimpaired proxy" : string.Join(", ", fields))}\""
        );
        yaml.AppendLine(CultureInfo.InvariantCulture, $"seed: {request.Seed}");
        var hosts = string.Join(", ", allowHosts.Distinct(StringComparer.OrdinalIgnoreCase).Select(h => $"\"{h}\""));
        var origin = target.GetLeftPart(UriPartial.Authority);
        yaml.AppendLine(CultureInfo.InvariantCulture, $"target: {{ base_url: \"{origin}\", allow_hosts: [{hosts}] }}");
        return yaml;
    }

    private static string Steps(ReproRequest request, string wait) =>
        $"[ {{ goto: \"{request.Target.PathAndQuery}\" }}, {{ screenshot: loaded }}, {{ wait: {wait} }}, {{ screenshot: after-{wait} }} ]";

    private static StringBuilder Tail(StringBuilder yaml, string duration, ReproRequest request, string steps)
    {
        yaml.AppendLine(CultureInfo.InvariantCulture, $"timeline: [ {{ phase: repro, duration: {duration} }} ]");
        yaml.AppendLine("probes:");
        yaml.AppendLine("  - browser:");
        yaml.AppendLine("      name: page");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      headless: {(request.Headed ? "false" : "true")}");
        yaml.AppendLine("      screenshots: always");
        yaml.AppendLine("      trace: always");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      steps: {steps}");
        yaml.AppendLine("thresholds:");
        yaml.AppendLine(Thresholds);
        return yaml;
    }
}

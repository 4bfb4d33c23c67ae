using System.Globalization;
using Harness.Orchestration;
using Harness.Scenarios.Model;

namespace Harness.Cli;

/// <summary>
/// <c>harness plan PATH</c>: what a run would do (proxies, toxics per phase, events, probes, thresholds); touches nothing.
/// </summary>
internal static class PlanCommand
{
    public static int Execute(
        IReadOnlyList<string> paths,
        IReadOnlyDictionary<string, string> environment,
        ConsoleOutput output,
        IReadOnlyDictionary<string, string>? variables = null
    )
    {
        var loaded = ValidateCommand.Load(paths, environment, output, variables);
        if (loaded is null)
            return ExitCodes.InvalidInput;
        foreach (var scenario in loaded.SelectMany(l => l.Cells))
        {
            output.Redact(scenario.Secrets);
            foreach (var line in Describe(scenario))
                output.Line(line);
        }
        return ExitCodes.Passed;
    }

    public static IEnumerable<string> Describe(Scenario s)
    {
        string Ms(TimeSpan t) =>
            t.TotalSeconds >= 1
                ? $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s"
                : $"{t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms";
        string Toxic(ToxicSpec t) =>
            $"{t.Type} {t.Stream.ToString().ToLowerInvariant()} on {t.Proxy} ({string.Join(", ", t.Attributes.Select(a => Reports.ReportFormat.ToxicAttribute(t.Type, a.Key, a.Value)))}{(t.Toxicity < 1 ? $", toxicity {t.Toxicity.ToString(CultureInfo.InvariantCulture)}" : "")})";
        yield return $"scenario {s.DisplayName}: {s.Description}";
        yield return $"  seed: {(s.Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "chosen at run time (or --seed)")}; total {Ms(s.TotalDuration)}";
        yield return $"  allowed hosts: {(s.Target.AllowHosts.Count == 0 ? "none" : string.Join(", ", s.Target.AllowHosts))}";
        foreach (var service in s.Services)
            yield return $"  service {service.Name}: {string.Join(' ', service.Command)} (in {service.WorkingDirectory}; ready at {service.ReadyUrl ?? "start"})";
        yield return $"  toxiproxy: {(s.Network.Toxiproxy?.ToString() ?? "embedded (in-process, ephemeral port)")}";
        foreach (var proxy in s.Network.Proxies)
        {
            yield return $"  proxy {proxy.Name}: {proxy.Listen} -> {proxy.UpstreamService ?? proxy.UpstreamAddress}; routes {(proxy.Hosts.Count == 0 ? "no host" : string.Join(", ", proxy.Hosts))}";
            if (proxy.Profile is { } profile)
            {
                yield return $"    profile {profile.Name} for the whole run: {string.Join("; ", profile.ToToxics(proxy.Name).Select(Toxic))}";
            }
        }
        foreach (var (phase, index) in s.Timeline.Select((p, i) => (p, i)))
        {
            yield return $"  phase {index + 1} {phase.Name} ({Ms(phase.Duration)}): {(phase.Toxics.Count == 0 ? "no toxics" : string.Join("; ", phase.Toxics.Select(Toxic)))}";
            foreach (var e in phase.Events)
                yield return $"    at +{Ms(e.At)}: {e.Action.Describe()}";
        }
        foreach (var probe in s.Probes)
            yield return $"  probe {probe.Name}: {Probe(probe)}";
        foreach (var threshold in s.Thresholds)
            yield return $"  threshold {threshold.Probe}: {threshold.Source}{(threshold.WhenText is { } when ? $" (only in cells {when})" : "")}";
    }

    private static string Probe(ProbeSpec probe) =>
        probe switch
        {
            HttpProbeSpec h =>
                $"http {h.Method} {h.Url} every {h.Every.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms, expect {h.ExpectStatus.ToString(CultureInfo.InvariantCulture)}",
            WebSocketProbeSpec w =>
                $"websocket {w.Url} x{w.Clients.ToString(CultureInfo.InvariantCulture)}{(w.Stream is null ? "" : ", stream check")}{(w.Echo is null ? "" : ", echo")}{(w.Reconnect is null ? "" : $", reconnect {w.Reconnect.Kind.ToString().ToLowerInvariant()}")}",
            BrowserProbeSpec b =>
                $"browser {b.Url}, {b.Steps.Count.ToString(CultureInfo.InvariantCulture)} steps, participants {string.Join(", ", b.Participants.Select(p => p.Proxy is null ? p.Name : $"{p.Name} via {p.Proxy}"))}",
            LoadProbeSpec l => $"load {l.Executor.GetType().Name} on {l.Url}",
            _ => probe.Url.ToString(),
        };
}

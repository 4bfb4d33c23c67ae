using System.Globalization;
using System.Net;
using Harness.Impairment;
using Harness.Reports.Model;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>The stages of a run, in order; each pushes the undoing of what it creates as soon as it exists.</summary>
public sealed partial class ScenarioRunner
{
    /// <summary>Shows the run to its observer (the console's live view) until every cleanup has run.</summary>
    private static void Watch(RunContext run, CleanupStack cleanups)
    {
        if (run.Monitor is not { } monitor)
            return;
        run.Options.Observer!.Started(monitor);
        cleanups.Push("finish the live view", () =>
        {
            monitor.Finish();
            run.Options.Observer!.Ended(monitor);
        });
    }

    /// <summary>Launches the services, each watched from the moment it is ready: one that ends early stops the run.</summary>
    private async Task StartServicesAsync(RunContext run, CleanupStack cleanups)
    {
        var browserProblem = ProbeFactory.BrowserProblem(run.Scenario.Probes, run.Options.BrowserFromEnvironment);
        if (browserProblem is not null)
            throw new InfrastructureException(browserProblem);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var launcher = new ServiceLauncher(time, http, progress)
        {
            Redact = new Scenarios.Loading.Redactor(run.Scenario.Secrets).Apply,
            CommandPrefix = run.Packet?.InsideNamespace([]) ?? [],
            AddressOf = run.Packet is null ? null : s => PacketServiceAddress(run, s),
        };
        foreach (var spec in run.Scenario.Services)
        {
            var service = launcher.Start(spec, run.ArtifactsDirectory);
            run.Services[spec.Name] = service;
            cleanups.Push($"stop service {spec.Name}", () => StopServiceAsync(run, spec, service));
            await launcher.WaitReadyAsync(spec, service, run.Token).ConfigureAwait(false);
            if (!spec.Exits)
                service.WatchExit((s, code) => ServiceEnded(run, s, code));
        }
    }

    private void ServiceEnded(RunContext run, LaunchedService service, int? exitCode)
    {
        // Ctrl-C in a terminal reaches the whole process group: a service ending with the run is no fault.
        if (run.Interrupt.IsCancellationRequested)
            return;
        var elapsed = (time.GetUtcNow() - run.State.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var where =
            run.Clock is { } clock && run.State.HasEntered(clock.Current)
                ? $"in phase {clock.Current} at +{elapsed}s"
                : $"before the timeline started, at +{elapsed}s";
        var log = Path.GetRelativePath(run.ReportDirectory, service.LogPath);
        var error = ServiceExit.Describe(service.Name, exitCode, where, log, service.Tail);
        progress(error);
        run.Faults.Raise(error);
    }

    private static async Task StopServiceAsync(RunContext run, ServiceSpec spec, LaunchedService service)
    {
        await service.DisposeAsync().ConfigureAwait(false);
        run.State.Services.Add(
            new ServiceResult(
                service.Name,
                spec.Command,
                service.Port,
                service.ReadyAfter?.TotalMilliseconds,
                service.ExitCode,
                Path.GetRelativePath(run.ReportDirectory, service.LogPath)
            )
        );
    }

    /// <summary>Connects to Toxiproxy (starting the embedded one), sweeps stale proxies, creates this run's proxies and profiles.</summary>
    private async Task BuildNetworkAsync(RunContext run, CleanupStack cleanups)
    {
        var (scenario, state, token) = (run.Scenario, run.State, run.Token);
        var toxiproxy = run.Packet is null ? await ConnectToxiproxyAsync(run, cleanups).ConfigureAwait(false) : null;
        var prefix = run.Embedded is null
            ? ImpairmentSession.PrefixFor(scenario.Name, state.StartedAt)
            : ImpairmentSession.PrivatePrefix(scenario.Name);
        var client = toxiproxy ?? PacketClient(run, prefix);
        var session = run.Session = new ImpairmentSession(client, prefix, progress);
        cleanups.Push("remove the run's proxies", () => session.DisposeAsync().AsTask());
        // Only our own server counts bytes live; Toxiproxy adds a connection's bytes when it closes, too late for phases.
        if (run.Embedded is not null)
        {
            var names = scenario.Network.Proxies.ToDictionary(p => session.ServerName(p.Name), p => p.Name);
            state.Traffic = new ProxyTrafficMeter(toxiproxy!.GetMetricsAsync, names);
        }
        if (run.Embedded is { } embedded)
        {
            var decisions = Path.Combine(run.ArtifactsDirectory, EmbeddedProxyHost.DecisionsFile);
            cleanups.Push("write the impairment decisions", () =>
                embedded.WriteDecisionsAsync(decisions, state.Seed, session.Proxies.Keys.Select(p => (p, session.ServerName(p))))
            );
        }
        var swept = await session.SweepStaleAsync(scenario.Name, state.StartedAt, scenario.Network.StaleAfter, token).ConfigureAwait(false);
        foreach (var stale in swept)
        {
            progress($"removed stale proxy {stale} (left by an earlier run that was killed)");
        }
        await session.CreateProxiesAsync(scenario.Network.Proxies, run.Services, token).ConfigureAwait(false);
        var links = state.Links = LinkObserver.Start(
            scenario.Network.Proxies,
            session.ServerName,
            run.Embedded is null ? null : run.Embedded.WatchExchanges,
            run.Store,
            () => run.Clock?.Current ?? scenario.Timeline[0].Name
        );
        cleanups.Push("stop watching the links", links.Dispose);
        var profiles = await session.ApplyProfilesAsync(scenario.Network.Proxies, token).ConfigureAwait(false);
        state.Proxies.AddRange(
            scenario.Network.Proxies.Select(p => new ProxyResult(
                p.Name,
                session.ServerName(p.Name),
                session.Proxies[p.Name].Listen,
                session.Proxies[p.Name].Upstream,
                p.Hosts,
                p.Profile?.Name,
                profiles.GetValueOrDefault(p.Name, []).Select(t => ToxicResults.From(p.Name, t)).ToList()
            ))
        );
    }

    private async Task<ToxiproxyClient> ConnectToxiproxyAsync(RunContext run, CleanupStack cleanups)
    {
        var external = run.Options.Toxiproxy ?? run.Scenario.Network.Toxiproxy;
        if (external is null)
        {
            var embedded = run.Embedded = await EmbeddedProxyHost.StartAsync(run.State.Seed, time, run.Token).ConfigureAwait(false);
            cleanups.Push("stop the embedded Toxiproxy", () => embedded.DisposeAsync().AsTask());
        }
        var url = external ?? run.Embedded!.ApiAddress;
        var client = new ToxiproxyClient(url);
        cleanups.Push("close the Toxiproxy client", client.Dispose);
        // An external API may still be starting (a container beside the harness): retried for --toxiproxy-wait.
        var wait = external is null ? TimeSpan.Zero : run.Options.ToxiproxyWait;
        var version = await ToxiproxyStartup.WaitForVersionAsync(client, url, wait, time, progress, run.Token).ConfigureAwait(false);
        run.State.Toxiproxy = (run.Embedded is null ? "external" : "embedded", url.ToString(), version);
        progress($"toxiproxy: {run.State.Toxiproxy.Kind} {url} version {version}");
        return client;
    }

    /// <summary>Builds the probes and lets slow starters (browsers) start now, so that no phase times their start-up.</summary>
    private async Task PrepareProbesAsync(RunContext run, CleanupStack cleanups)
    {
        var (scenario, session) = (run.Scenario, run.Session!);
        var endpoints = new Dictionary<string, IPEndPoint>(StringComparer.Ordinal);
        foreach (var proxy in scenario.Network.Proxies)
        {
            endpoints[proxy.Name] = await session.ListenEndpointAsync(proxy.Name, run.Token).ConfigureAwait(false);
        }
        var factory = new ProbeFactory(
            new ProbeBuildContext(
                run.ArtifactsDirectory,
                run.State.Seed,
                endpoints,
                scenario.Network.Proxies.ToDictionary(p => p.Name, p => p.Hosts, StringComparer.Ordinal),
                // Routed hosts resolve to their proxy; only the other allowed hosts may resolve normally in a browser.
                scenario
                    .Target.AllowHosts.Where(h => !scenario.Network.Proxies.Any(p => p.Hosts.Contains(h, StringComparer.OrdinalIgnoreCase)))
                    .ToList(),
                run.Options.BrowserFromEnvironment
            )
            {
                BrowserArgs = run.Options.BrowserArgs,
                ClientNamespacePrefix = run.Packet?.Client?.Inside([]),
            }
        );
        cleanups.Push("close the browsers", () => factory.Browsers.DisposeAsync().AsTask());
        run.Probes.Factory = factory.Create;
        cleanups.Push("stop the probes", () => run.Probes.StopAsync(ProbeStopBound));
        run.Clock = new PhaseClock(scenario.Timeline[0].Name);
        var contexts = ProbeRoutes.ContextsFor(scenario, endpoints, run.Store, run.Clock, time);
        if (run.Monitor is not null)
            contexts = run.Monitor.Observe(contexts);
        run.Contexts = run.State.Checks.Observe(contexts);
        await run.Probes.PrepareAsync(scenario.Probes, run.Contexts, run.Token).ConfigureAwait(false);
    }

    /// <summary>Walks the phases with the probes running; a threshold marked abort_on_fail is watched meanwhile.</summary>
    private async Task RunTimelineAsync(RunContext run)
    {
        run.Aborter.Start(run.Token);
        run.State.Health = Health.HealthSampler.Start(time, run.Clock!);
        try
        {
            var phaseEntered = run.Monitor is null ? null : (Action<int, DateTimeOffset>)run.Monitor.PhaseEntered;
            var timeline = new Timeline(time, run.Session!, run.Clock!, run.Probes, progress, phaseEntered);
            await timeline.RunAsync(run.Scenario, run.Contexts!, run.State, run.Token).ConfigureAwait(false);
        }
        finally
        {
            await run.Aborter.StopAsync().ConfigureAwait(false);
            await run.State.Health.DisposeAsync().ConfigureAwait(false);
        }
    }
}

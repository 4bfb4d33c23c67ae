using System.Globalization;
using Harness.Impairment;
using Harness.Metrics;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>What one run produced: its results and where its reports were written.</summary>
public sealed record RunOutcome(RunResults Results, string ReportDirectory);

/// <summary>
/// Runs one validated scenario: launches services, builds the impaired network, drives the probes through
/// the timeline, evaluates thresholds and writes the reports. Whatever happens, everything it created is
/// removed and results.json is written with the run's status.
/// </summary>
public sealed class ScenarioRunner(TimeProvider time, Action<string> progress)
{
    private static readonly TimeSpan ProbeStopBound = TimeSpan.FromSeconds(15);

    public async Task<RunOutcome> RunAsync(Scenario scenario, RunOptions options, CancellationToken interrupt)
    {
        var startedAt = time.GetUtcNow();
        var seed = options.Seed ?? scenario.Seed ?? Random.Shared.Next();
        var reportDirectory = options.Placement?.Directory
            ?? ReportWriter.CreateRunDirectory(options.ReportRoot, startedAt, scenario.Cell is null ? scenario.Name : $"{scenario.Name}-{scenario.Cell.Slug}");
        Directory.CreateDirectory(reportDirectory);
        var runId = options.Placement?.RunId ?? Path.GetFileName(reportDirectory);
        var state = new RunState(scenario, seed, runId, options, startedAt);
        // Tag-scoped thresholds get series of their own; only the scopes the scenario asks for are kept.
        var store = new MetricStore(scenario.Thresholds.Select(t => t.Scope).OfType<TagScope>());
        progress($"run {runId}: seed {seed.ToString(CultureInfo.InvariantCulture)}, report in {reportDirectory}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var services = new Dictionary<string, LaunchedService>(StringComparer.Ordinal);
        EmbeddedProxyHost? embedded = null;
        ToxiproxyClient? client = null;
        ImpairmentSession? session = null;
        var probes = new ProbeGroup(progress);
        using var cap = new CancellationTokenSource(scenario.MaxDuration, time);
        using var abort = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt, cap.Token, abort.Token);
        var run = stop.Token;
        var aborter = new ThresholdAborter(scenario, store, time, state, abort, progress);
        var monitor = options.Observer is null ? null : new Monitoring.RunMonitor(scenario, store, time);
        if (monitor is not null) options.Observer!.Started(monitor);
        try
        {
            if (ProbeFactory.BrowserProblem(scenario.Probes, options.BrowserFromEnvironment) is { } browserProblem) throw new InfrastructureException(browserProblem);
            var launcher = new ServiceLauncher(time, http, progress);
            foreach (var service in scenario.Services)
            {
                services[service.Name] = launcher.Start(service, Path.Combine(reportDirectory, "artifacts"));
                await launcher.WaitReadyAsync(service, services[service.Name], run).ConfigureAwait(false);
            }
            (embedded, client) = await ConnectToxiproxyAsync(scenario, options, seed, state, run).ConfigureAwait(false);
            session = new ImpairmentSession(client,
                embedded is null ? ImpairmentSession.PrefixFor(scenario.Name, startedAt) : ImpairmentSession.PrivatePrefix(scenario.Name), progress);
            foreach (var stale in await session.SweepStaleAsync(scenario.Name, startedAt, scenario.Network.StaleAfter, run).ConfigureAwait(false))
            {
                progress($"removed stale proxy {stale} (left by an earlier run that was killed)");
            }
            await session.CreateProxiesAsync(scenario.Network.Proxies, services, run).ConfigureAwait(false);
            var profiles = await session.ApplyProfilesAsync(scenario.Network.Proxies, run).ConfigureAwait(false);
            state.Proxies.AddRange(scenario.Network.Proxies.Select(p => new ProxyResult(
                p.Name, session.ServerName(p.Name), session.Proxies[p.Name].Listen, session.Proxies[p.Name].Upstream, p.Hosts, p.Profile?.Name,
                profiles.GetValueOrDefault(p.Name, []).Select(t => ToxicResults.From(p.Name, t)).ToList())));
            var endpoints = new Dictionary<string, System.Net.IPEndPoint>(StringComparer.Ordinal);
            foreach (var proxy in scenario.Network.Proxies) endpoints[proxy.Name] = await session.ListenEndpointAsync(proxy.Name, run).ConfigureAwait(false);
            var factory = new ProbeFactory(new ProbeBuildContext(Path.Combine(reportDirectory, "artifacts"), seed, endpoints,
                scenario.Network.Proxies.ToDictionary(p => p.Name, p => p.Hosts, StringComparer.Ordinal),
                // Routed hosts resolve to their proxy; only the other allowed hosts may resolve normally in a browser.
                scenario.Target.AllowHosts.Where(h => !scenario.Network.Proxies.Any(p => p.Hosts.Contains(h, StringComparer.OrdinalIgnoreCase))).ToList(),
                options.BrowserFromEnvironment) { BrowserArgs = options.BrowserArgs });
            probes.Factory = factory.Create;
            var clock = new PhaseClock(scenario.Timeline[0].Name);
            var contexts = ProbeRoutes.ContextsFor(scenario, endpoints, store, clock, time);
            if (monitor is not null) contexts = monitor.Observe(contexts);
            contexts = state.Checks.Observe(contexts);
            // Only our own server counts bytes live; Toxiproxy adds a connection's bytes when it closes, too late for phases.
            if (embedded is not null)
            {
                var names = scenario.Network.Proxies.ToDictionary(p => session.ServerName(p.Name), p => p.Name);
                state.Traffic = new ProxyTrafficMeter(client.GetMetricsAsync, names);
            }
            aborter.Start(run);
            state.Health = Health.HealthSampler.Start(time, clock);
            await new Timeline(time, session, clock, probes, progress, monitor is null ? null : monitor.PhaseEntered).RunAsync(scenario, contexts, state, run).ConfigureAwait(false);
            state.Status = RunStatus.Passed;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            state.Fail(RunStatus.Interrupted, "interrupted: the run was stopped before its timeline ended");
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            state.Fail(RunStatus.Failed, aborter.Reason ?? "aborted by a threshold");
        }
        catch (OperationCanceledException) when (cap.IsCancellationRequested)
        {
            state.Fail(RunStatus.Error, $"stopped: the run exceeded max_duration ({scenario.MaxDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s)");
        }
        catch (InfrastructureException e)
        {
            state.Fail(RunStatus.Error, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours must still end in a report and a clean machine; the stack goes to an artifact, not the console.
            var crash = Path.Combine(reportDirectory, "artifacts", "harness-error.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(crash)!);
            await File.WriteAllTextAsync(crash, e.ToString(), CancellationToken.None).ConfigureAwait(false);
            state.Fail(RunStatus.Error, $"internal error ({e.GetType().Name}: {e.Message}); details in artifacts/harness-error.txt");
        }
        finally
        {
            await aborter.StopAsync().ConfigureAwait(false);
            if (state.Health is not null) await state.Health.DisposeAsync().ConfigureAwait(false);
            await probes.StopAsync(ProbeStopBound).ConfigureAwait(false);
            if (monitor is not null)
            {
                monitor.Finish();
                options.Observer!.Ended(monitor);
            }
            if (embedded is not null && session is not null)
            {
                await embedded.WriteDecisionsAsync(Path.Combine(reportDirectory, "artifacts", EmbeddedProxyHost.DecisionsFile), seed,
                    session.Proxies.Keys.Select(p => (p, session.ServerName(p)))).ConfigureAwait(false);
            }
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
            client?.Dispose();
            if (embedded is not null) await embedded.DisposeAsync().ConfigureAwait(false);
            foreach (var service in services.Values)
            {
                await service.DisposeAsync().ConfigureAwait(false);
                state.Services.Add(new ServiceResult(service.Name, scenario.Services.First(s => s.Name == service.Name).Command, service.Port,
                    service.ReadyAfter?.TotalMilliseconds, service.ExitCode, Path.GetRelativePath(reportDirectory, service.LogPath)));
            }
        }
        var results = ResultsBuilder.Build(state, store, probes, reportDirectory, time.GetUtcNow());
        await ReportWriter.WriteAllAsync(results, reportDirectory, new Scenarios.Loading.Redactor(scenario.Secrets), CancellationToken.None, progress, options.Placement?.HistoryPath).ConfigureAwait(false);
        return new RunOutcome(results, reportDirectory);
    }

    private async Task<(EmbeddedProxyHost? Embedded, ToxiproxyClient Client)> ConnectToxiproxyAsync(
        Scenario scenario, RunOptions options, int seed, RunState state, CancellationToken interrupt)
    {
        var external = options.Toxiproxy ?? scenario.Network.Toxiproxy;
        EmbeddedProxyHost? embedded = null;
        if (external is null) embedded = await EmbeddedProxyHost.StartAsync(seed, time, interrupt).ConfigureAwait(false);
        var url = external ?? embedded!.ApiAddress;
        var client = new ToxiproxyClient(url);
        try
        {
            var version = await client.GetVersionAsync(interrupt).ConfigureAwait(false);
            state.Toxiproxy = (embedded is null ? "external" : "embedded", url.ToString(), version);
            progress($"toxiproxy: {state.Toxiproxy.Kind} {url} version {version}");
            return (embedded, client);
        }
        catch (Exception e) when (e is HttpRequestException or ToxiproxyApiException || (e is OperationCanceledException && !interrupt.IsCancellationRequested))
        {
            client.Dispose();
            if (embedded is not null) await embedded.DisposeAsync().ConfigureAwait(false);
            throw new InfrastructureException($"the Toxiproxy API at {url} is not usable: {e.Message}", e);
        }
    }
}

using System.Globalization;
using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Harness.Probes.Http;
using Harness.Probes.Load;
using Harness.Probes.WebSockets;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>Builds the probe a scenario declares; the one place scenario specs meet probe options.</summary>
internal sealed class ProbeFactory(ProbeBuildContext context)
{
    private readonly BrowserPool _browsers = new();

    public BrowserPool Browsers => _browsers;

    /// <summary>The probe, or for a probe split between versions (a gray release) one part per version run together.</summary>
    public IProbe Create(ProbeSpec spec) =>
        spec.Split is null ? CreateOne(spec) : GrayRelease.VersionSplit.Probe(spec, context.Seed, CreateOne);

    private IProbe CreateOne(ProbeSpec spec) =>
        spec switch
        {
            HttpProbeSpec http => new HttpProbe(Http(http)),
            WebSocketProbeSpec ws => new WebSocketProbe(WebSocket(ws)),
            BrowserProbeSpec browser => new BrowserProbe(Browser(browser), _browsers),
            LoadProbeSpec load => new LoadProbe(
                new LoadProbeOptions(load.Name, load.Executor)
                {
                    Http = load.Http is null ? null : Http(load.Http),
                    WebSocket = load.Http is null ? new WebSocketProbeOptions(load.Name, load.Url) { Seed = context.Seed } : null,
                    SessionDuration = load.Session,
                    Iterations = load.Iterations,
                    GracefulStop = load.GracefulStop,
                    Seed = context.Seed,
                }
            ),
            _ => throw new NotSupportedException($"probe kind {spec.GetType().Name}"),
        };

    private static HttpProbeOptions Http(HttpProbeSpec http) =>
        new(http.Name, http.Url)
        {
            Interval = http.Every,
            ExpectedStatus = http.ExpectStatus,
            Timeout = http.Timeout,
            Method = new HttpMethod(http.Method),
            FollowRedirects = http.FollowRedirects,
            Headers = RequestHeaders(http.Request.Headers, http.Request.BearerToken),
            Body = http.Request.Body,
            ContentType = http.Request.ContentType,
            Expect = http.Request.Expect,
        };

    private static Dictionary<string, string>? RequestHeaders(IReadOnlyDictionary<string, string> headers, string? bearer)
    {
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (bearer is not null)
            all["Authorization"] = "Bearer " + bearer;
        return all.Count == 0 ? null : all;
    }

    private WebSocketProbeOptions WebSocket(WebSocketProbeSpec ws) =>
        new(ws.Name, ws.Url)
        {
            Clients = ws.Clients,
            ConnectTimeout = ws.ConnectTimeout,
            ReconnectDelay = ws.ReconnectDelay,
            Reconnect = ws.Reconnect,
            RampDuration = ws.Ramp,
            ReceiveTimeout = ws.ReceiveTimeout,
            MaxConcurrentConnects = ws.MaxConnecting,
            MaxMessageBytes = ws.MaxMessageBytes,
            Tags = ws.Tags.Count == 0 ? null : ws.Tags,
            Seed = context.Seed,
            Stream = ws.Stream is null
                ? null
                : new WebSocketStreamCheck { SequenceField = ws.Stream.SequenceField, TimestampField = ws.Stream.TimestampField },
            Echo = ws.Echo is null ? null : new WebSocketEchoOptions { Interval = ws.Echo.Every, PayloadBytes = ws.Echo.Size },
            Headers = ws.Handshake.Headers.Count == 0 ? null : ws.Handshake.Headers,
            Subprotocols = ws.Handshake.Subprotocols.Count == 0 ? null : ws.Handshake.Subprotocols,
            BearerToken = ws.Handshake.BearerToken,
            MetricFields =
                ws.MetricFields.Count == 0 ? null : ws.MetricFields.Select(f => new WebSocketFieldMetric(f.Metric, f.Field)).ToList(),
        };

    private BrowserProbeOptions Browser(BrowserProbeSpec spec) =>
        new(spec.Name, spec.Url)
        {
            Steps = spec.Steps,
            Every = spec.Every,
            StepTimeout = spec.StepTimeout,
            ArtifactsDirectory = context.ArtifactsDirectory,
            AllowHosts = context.AllowHosts,
            Browser = new BrowserSettings
            {
                ExecutablePath = spec.Executable,
                EnvironmentExecutablePath = context.BrowserFromEnvironment,
                Headless = spec.Headless,
                WsEndpoint = spec.WsEndpoint,
                ExtraArgs = context.BrowserArgs,
            },
            Capture = new BrowserCaptureOptions { Screenshot = spec.Screenshots, Trace = spec.Trace },
            PassAttributes = spec.PassAttributes,
            Participants = spec
                .Participants.Select(p => new BrowserParticipant(p.Name)
                {
                    Role = p.Role,
                    ClientVersion = p.ClientVersion,
                    Tags = p.Attributes.Count == 0 ? null : p.Attributes,
                    Count = p.Count,
                    LaunchPrefix = p.ClientNamespace ? ClientNamespacePrefix(p) : null,
                    // A participant with its own proxy sends every routed host through it: its own network.
                    Routes = p.Proxy is null
                        ? null
                        : new HostRoutes(
                            context
                                .ProxyHosts.Values.SelectMany(h => h)
                                .Distinct(StringComparer.OrdinalIgnoreCase)
                                .Select(h => KeyValuePair.Create(h, context.ProxyEndpoints[p.Proxy]))
                        ),
                })
                .ToList(),
        };

    private IReadOnlyList<string> ClientNamespacePrefix(ParticipantSpec participant) =>
        context.ClientNamespacePrefix
        ?? throw new InvalidOperationException(
            $"participant '{participant.Name}' has namespace: client but the run has no client namespace"
        );

    /// <summary>Checks before anything starts that every browser probe can find a browser; the message names the fix.</summary>
    public static string? BrowserProblem(IEnumerable<ProbeSpec> probes, string? fromEnvironment)
    {
        foreach (var browser in probes.OfType<BrowserProbeSpec>().Where(b => b.WsEndpoint is null))
        {
            var location = BrowserLocator.Locate(browser.Executable, fromEnvironment, null);
            if (location.Error is not null)
                return string.Create(CultureInfo.InvariantCulture, $"browser probe '{browser.Name}': {location.Error}");
        }
        return null;
    }
}

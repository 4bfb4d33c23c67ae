using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class BrowserProbeValidator
{
    private static readonly Dictionary<string, ArtifactMode> Modes = new(StringComparer.Ordinal)
    {
        ["never"] = ArtifactMode.Never,
        ["on_failure"] = ArtifactMode.OnFailure,
        ["always"] = ArtifactMode.Always,
    };

    /// <param name="pageUrls">Receives every <c>goto</c> URL of the steps, located, for the allow_hosts check.</param>
    public static BrowserProbeSpec? Validate(
        ProbeDocument probe,
        string? name,
        Uri? baseUrl,
        NetworkSpec network,
        ValueReader values,
        ICollection<Located<string>>? pageUrls = null
    )
    {
        var body = probe.Body!;
        var url = probe.Settings.TryGetValue("url", out var rawUrl)
            ? values.AbsoluteUrl(rawUrl, "browser probe url", baseUrl, "http", "https")
            : baseUrl;
        if (url is null && rawUrl is null)
            values.Diagnostics.Add(probe.Location, "browser probe: give 'url' or target.base_url");
        TimeSpan? every = probe.Settings.TryGetValue("every", out var e)
            ? values.Duration(e, "browser every", TimeSpan.FromSeconds(15))
            : null;
        var steps = body.Sequence("steps", required: true)
            .Select(n => BrowserStepReader.Read(n, body.Context, values, pageUrls))
            .OfType<BrowserStep>()
            .ToList();
        var participants = body.Sequence("participants")
            .Select(n => Participant(n, body.Context, network, values))
            .OfType<ParticipantSpec>()
            .ToList();
        ScenarioValidator.CheckUnique(
            participants.Select(p => new Located<string>(p.Name, probe.Location)),
            p => p,
            "participant name",
            values.Diagnostics
        );
        var executable = probe.Settings.GetValueOrDefault("executable")?.Value;
        Uri? wsEndpoint = probe.Settings.TryGetValue("ws_endpoint", out var ws)
            ? values.AbsoluteUrl(ws, "browser ws_endpoint", null, "ws", "wss", "http", "https")
            : null;
        if (wsEndpoint is not null && participants.FirstOrDefault(p => p.ClientNamespace) is { } remote)
        {
            values.Diagnostics.Add(
                ws!.Location,
                $"participant '{remote.Name}' has namespace: client, which needs a browser the harness launches; leave out ws_endpoint"
            );
        }
        if (name is null || url is null)
            return null;
        return new BrowserProbeSpec(
            name,
            url,
            every,
            probe.Settings.GetValueOrDefault("headless")?.Value != "false",
            executable,
            wsEndpoint,
            Mode(probe.Settings.GetValueOrDefault("screenshots"), values),
            Mode(probe.Settings.GetValueOrDefault("trace"), values),
            values.Duration(probe.Settings.GetValueOrDefault("step_timeout"), "browser step_timeout", TimeSpan.FromSeconds(30)),
            participants.Count > 0 ? participants : [new ParticipantSpec("main", null, null, null, 1)],
            steps
        )
        {
            PassAttributes = AttributeKeysReader.PassAttributes(body, "browser probe", values, "query", "script", "header"),
        };
    }

    private static ParticipantSpec? Participant(
        YamlDotNet.RepresentationModel.YamlNode node,
        YamlReadContext context,
        NetworkSpec network,
        ValueReader values
    )
    {
        var p = MappingReader.Open(node, "participant", context, ScenarioKeys.Participant);
        if (p is null)
            return null;
        var name = ScenarioValidator.CheckName(p.Scalar("name", required: true), "participant name", values.Diagnostics);
        var proxy = p.Scalar("proxy");
        if (proxy is not null && network.Proxies.All(x => x.Name != proxy.Value))
        {
            values.Diagnostics.Add(
                proxy.Location,
                $"participant proxy '{proxy.Value}' is not declared under network.proxies{DidYouMean.Suffix(proxy.Value, network.Proxies.Select(x => x.Name))}"
            );
        }
        var count = values.Integer(p.Scalar("count"), "participant count", 1, 1, 64);
        var attributes = AttributeKeysReader.Attributes(p, "participant", values);
        var (role, version) = (p.Scalar("role")?.Value, p.Scalar("client_version")?.Value);
        return name is null
            ? null
            : new ParticipantSpec(name, role, version, proxy?.Value, count)
            {
                Attributes = attributes,
                ClientNamespace = ParticipantNamespace.Read(p.Scalar("namespace"), network, values.Diagnostics),
            };
    }

    private static ArtifactMode Mode(Located<string>? raw, ValueReader values)
    {
        if (raw is null)
            return ArtifactMode.OnFailure;
        if (Modes.TryGetValue(raw.Value, out var mode))
            return mode;
        values.Diagnostics.Add(raw.Location, $"'{raw.Value}' must be one of {string.Join(", ", Modes.Keys)}");
        return ArtifactMode.OnFailure;
    }
}

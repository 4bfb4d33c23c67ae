using YamlDotNet.Serialization;

namespace Harness.Testing;

/// <summary>
/// A scenario in C#. It writes the scenario language (see <see cref="ToYaml"/>) and <see cref="Build"/> loads that text with the
/// harness's own loader, so a built scenario is checked, resolved and run exactly as the same file would be.
/// </summary>
/// <example>
/// <code>
/// var scenario = new ScenarioBuilder("checkout")
///     .Target(new Uri("http://shop.test"), "shop.test", "127.0.0.1")
///     .Proxy(new ProxyOptions { Name = "edge", Upstream = "127.0.0.1:5000", Profile = "slow-3g" }, "shop.test")
///     .Phase("baseline", TimeSpan.FromSeconds(5))
///     .Phase("degraded", TimeSpan.FromSeconds(5), p => p.Toxic("edge", Toxic.Latency(TimeSpan.FromMilliseconds(200))))
///     .Http(new HttpProbeOptions { Name = "api", Url = "/api/cart", Every = TimeSpan.FromMilliseconds(250) })
///     .Threshold("api", "http_req_duration{phase:degraded} p(95) &lt; 900ms")
///     .Build();
/// var result = await scenario.RunAsync();
/// </code>
/// </example>
public sealed class ScenarioBuilder
{
    private readonly Dictionary<string, object?> _root = new(StringComparer.Ordinal);
    private readonly List<object?> _proxies = [];
    private readonly List<object?> _phases = [];
    private readonly List<object?> _probes = [];
    private readonly Dictionary<string, object?> _thresholds = new(StringComparer.Ordinal);

    /// <summary>A scenario named <paramref name="name"/> (report folders and results carry it).</summary>
    public ScenarioBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _root["name"] = name;
    }

    /// <summary>One line saying what the scenario checks.</summary>
    public ScenarioBuilder Description(string text) => Set("description", text);

    /// <summary>The seed of every random draw, so the run repeats.</summary>
    public ScenarioBuilder Seed(int seed) => Set("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The system under test: relative probe URLs resolve against <paramref name="baseUrl"/>, and only
    /// <paramref name="allowHosts"/> may be touched (a host name routed through a proxy, and 127.0.0.1 for upstreams).
    /// </summary>
    public ScenarioBuilder Target(Uri baseUrl, params string[] allowHosts)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return Set(
            "target",
            new Dictionary<string, object?> { ["base_url"] = baseUrl.ToString(), ["allow_hosts"] = allowHosts.Cast<object?>().ToList() }
        );
    }

    /// <summary>
    /// A proxy in front of <see cref="ProxyOptions.Upstream"/>, with its <see cref="ProxyOptions.Profile"/>; probe traffic to any of
    /// <paramref name="hosts"/> goes through it.
    /// </summary>
    public ScenarioBuilder Proxy(ProxyOptions options, params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(options);
        var proxy = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = options.Name,
            ["upstream"] = options.Upstream,
            ["hosts"] = hosts.Cast<object?>().ToList(),
        };
        if (options.Profile is not null)
            proxy["profile"] = options.Profile;
        if (options.Listen != "127.0.0.1:0")
            proxy["listen"] = options.Listen;
        _proxies.Add(proxy);
        return this;
    }

    /// <summary>Appends a phase; <paramref name="configure"/> adds its toxics and events (as in <see cref="Timeline"/>).</summary>
    public ScenarioBuilder Phase(string name, TimeSpan duration, Action<PhaseBuilder>? configure = null)
    {
        var phase = new PhaseBuilder(name, duration);
        configure?.Invoke(phase);
        _phases.Add(YamlValues.Phase(phase));
        return this;
    }

    /// <summary>Appends every phase of <paramref name="timeline"/>.</summary>
    public ScenarioBuilder Timeline(Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        _phases.AddRange(timeline.Phases.Select(p => (object?)YamlValues.Phase(p)));
        return this;
    }

    /// <summary>An <c>http</c> probe.</summary>
    public ScenarioBuilder Http(HttpProbeOptions options) =>
        Probe("http", (options ?? throw new ArgumentNullException(nameof(options))).ToYaml());

    /// <summary>A <c>websocket</c> probe.</summary>
    public ScenarioBuilder WebSocket(WebSocketProbeOptions options) =>
        Probe("websocket", (options ?? throw new ArgumentNullException(nameof(options))).ToYaml());

    /// <summary>
    /// Any probe of the scenario language (<c>http</c>, <c>websocket</c>, <c>browser</c>, <c>load</c>) with its keys as
    /// docs/scenarios.md writes them, e.g. <c>Probe("browser", new Dictionary&lt;string, object?&gt; { ["name"] = "page", ["url"] =
    /// "/" })</c>.
    /// Values are strings, numbers, lists and dictionaries.
    /// </summary>
    public ScenarioBuilder Probe(string kind, IReadOnlyDictionary<string, object?> settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(settings);
        _probes.Add(new Dictionary<string, object?> { [kind] = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal) });
        return this;
    }

    /// <summary>A threshold on one probe, in the harness's k6-style grammar, e.g. <c>http_req_duration p(95) &lt; 700ms</c>.</summary>
    public ScenarioBuilder Threshold(string probe, string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(probe);
        if (!_thresholds.TryGetValue(probe, out var list))
            _thresholds[probe] = list = new List<object?>();
        ((List<object?>)list!).Add(expression);
        return this;
    }

    /// <summary>The scenario as YAML: what <see cref="Build"/> loads, and a file one could commit.</summary>
    public string ToYaml()
    {
        var document = new Dictionary<string, object?>(_root, StringComparer.Ordinal);
        if (_proxies.Count > 0)
            document["network"] = new Dictionary<string, object?> { ["proxies"] = _proxies };
        document["timeline"] = _phases;
        document["probes"] = _probes;
        if (_thresholds.Count > 0)
            document["thresholds"] = _thresholds;
        return new SerializerBuilder().Build().Serialize(document);
    }

    /// <summary>
    /// Loads <see cref="ToYaml"/> with the harness's loader. Named profiles are looked up at or above
    /// <paramref name="directory"/> (default: the current directory), as for a file placed there.
    /// </summary>
    /// <exception cref="ScenarioInvalidException">The scenario does not validate; the message lists every problem and the
    /// YAML.</exception>
    public ScenarioDefinition Build(string? directory = null)
    {
        var folder = Path.GetFullPath(directory ?? Directory.GetCurrentDirectory());
        var name = (string)_root["name"]!;
        return ScenarioDefinition.Parse(ToYaml(), Path.Combine(folder, name + ".yaml"));
    }

    private ScenarioBuilder Set(string key, object? value)
    {
        _root[key] = value;
        return this;
    }
}

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>Turns YAML text into a <see cref="ScenarioDocument"/>, reporting syntax and shape errors with their location.</summary>
internal static class ScenarioDocumentReader
{
    /// <summary>
    /// Reads with templating: <paramref name="secrets"/> are the environment values used; <paramref name="resolved"/> the YAML after
    /// expansion.
    /// </summary>
    public static ScenarioDocument? Read(
        string text,
        string file,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string>? values,
        out IReadOnlyCollection<string> secrets,
        out string resolved,
        Action<YamlMappingNode, YamlReadContext>? prepare = null,
        IReadOnlyCollection<string>? overrides = null
    )
    {
        secrets = [];
        resolved = string.Empty;
        var stream = YamlText.Load(text, file, diagnostics);
        if (stream is null)
            return null;
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new SourceLocation(file, 1, 1), "the file is empty; a scenario needs at least 'name', 'timeline' and 'probes'");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(
                new SourceLocation(file, (int)stream.Documents[1].RootNode.Start.Line, 1),
                "one scenario per file: found a second YAML document"
            );
        }
        var context = new YamlReadContext(file, diagnostics);
        if (stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            prepare?.Invoke(mapping, context);
            var templater = new Templater(context, environment, values, overrides);
            templater.Apply(mapping);
            secrets = templater.Secrets;
            var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            new YamlStream(stream.Documents[0]).Save(writer, assignAnchors: false);
            resolved = writer.ToString();
        }
        var root = MappingReader.Open(stream.Documents[0].RootNode, "scenario", context, ScenarioKeys.Root);
        return root is null ? null : ReadRoot(root);
    }

    private static ScenarioDocument ReadRoot(MappingReader root) =>
        ReadRootCore(root) with
        {
            Regions = ReadRegions(root),
            GrayRelease = GrayReleaseReader.Read(root),
        };

    private static RegionsDocument? ReadRegions(MappingReader root)
    {
        var regions = MappingReader.Open(root.Node("regions"), "regions", root.Context, ScenarioKeys.Regions);
        if (regions is null)
            return null;
        var rtt = new List<(Located<string>, Located<string>)>();
        if (regions.Node("rtt", required: true) is YamlMappingNode pairs)
        {
            foreach (var (key, value) in pairs.Children)
            {
                if (key is YamlScalarNode { Value: { } pair } && value is YamlScalarNode { Value: { } text })
                {
                    rtt.Add((new Located<string>(pair, root.Context.At(key)), new Located<string>(text, root.Context.At(value))));
                }
                else
                    root.Context.Error(value, "regions.rtt: each entry is 'region-a/region-b: round trip', e.g. us-east/eu-west: 75ms");
            }
        }
        else if (regions.Node("rtt") is { } wrong)
            root.Context.Error(wrong, "regions.rtt must be a mapping of 'a/b' pairs to round trips");
        var links = regions
            .Sequence("links")
            .Select(node => MappingReader.Open(node, "regions.links entry", root.Context, ScenarioKeys.RegionLink))
            .OfType<MappingReader>()
            .Select(link => new RegionLinkDocument(
                link.Location,
                link.Scalar("name"),
                link.Scalar("from", required: true),
                link.Scalar("to", required: true)
            ))
            .ToList();
        return new RegionsDocument(regions.Location, rtt, regions.Scalar("jitter"), regions.Scalar("local"))
        {
            Links = links,
            Optional = regions.ScalarList("optional"),
            IncludeOptional = regions.Scalar("include_optional"),
        };
    }

    private static ScenarioDocument ReadRootCore(MappingReader root) =>
        new(
            root.Location,
            root.Scalar("name", required: true),
            root.Scalar("description"),
            root.ScalarList("tags"),
            root.Scalar("seed"),
            root.Scalar("max_duration"),
            ReadTarget(root),
            root.Sequence("services").Select(n => ReadService(n, root.Context)).OfType<ServiceDocument>().ToList(),
            ReadNetwork(root),
            root.Sequence("timeline", required: true).Select(n => ReadPhase(n, root.Context)).OfType<PhaseDocument>().ToList(),
            root.Sequence("probes", required: true).Select(n => ProbeDocumentReader.Read(n, root.Context)).OfType<ProbeDocument>().ToList(),
            ReadThresholds(root)
        );

    private static TargetDocument? ReadTarget(MappingReader root)
    {
        var target = MappingReader.Open(root.Node("target"), "target", root.Context, ScenarioKeys.Target);
        return target is null ? null : new TargetDocument(target.Location, target.Scalar("base_url"), target.ScalarList("allow_hosts"));
    }

    private static ServiceDocument? ReadService(YamlNode node, YamlReadContext context)
    {
        var service = MappingReader.Open(node, "service", context, ScenarioKeys.Service);
        if (service is null)
            return null;
        var command =
            service.Node("command", required: true) is YamlScalarNode single && single.Value is { Length: > 0 } line
                ? [new Located<string>(line, context.At(single))]
                : service.ScalarList("command");
        var env = MappingReader.Open(service.Node("env"), "service env", context, EnvKeys(service.Node("env")));
        return new ServiceDocument(
            service.Location,
            service.Scalar("name", required: true),
            command,
            service.Scalar("working_dir"),
            service.Scalar("port"),
            service.Scalar("ready_url"),
            service.Scalar("ready_timeout"),
            env is null ? new Dictionary<string, Located<string>>() : env.Scalars(EnvKeys(service.Node("env")))
        )
        {
            Region = service.Scalar("region"),
            Host = service.Scalar("host"),
            Exits = service.Scalar("exits"),
        };
    }

    private static string[] EnvKeys(YamlNode? node) =>
        node is YamlMappingNode m ? m.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToArray() : [];

    private static NetworkDocument? ReadNetwork(MappingReader root)
    {
        var network = MappingReader.Open(root.Node("network"), "network", root.Context, ScenarioKeys.Network);
        if (network is null)
            return null;
        var proxies = network
            .Sequence("proxies")
            .Select(n => MappingReader.Open(n, "proxy", root.Context, ScenarioKeys.Proxy))
            .OfType<MappingReader>()
            .Select(p => new ProxyDocument(
                p.Location,
                p.Scalar("name", required: true),
                p.Scalar("upstream", required: true),
                p.Scalar("listen"),
                p.ScalarList("hosts"),
                ReadProfileReference(p.Node("profile"), root.Context)
            )
            {
                Mode = p.Scalar("mode"),
            })
            .ToList();
        return new NetworkDocument(
            network.Location,
            network.Scalar("toxiproxy"),
            ReadProfileReference(network.Node("profile"), root.Context),
            proxies
        )
        {
            StaleAfter = network.Scalar("stale_after"),
            BindAll = network.Scalar("bind_all"),
            Mode = network.Scalar("mode"),
        };
    }

    private static ProfileReference? ReadProfileReference(YamlNode? node, YamlReadContext context)
    {
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } name })
            return new ProfileReference(
                context.At(node),
                new Located<string>(name, context.At(node)),
                new Dictionary<string, Located<string>>()
            );
        var reader = MappingReader.Open(node, "profile", context, ScenarioKeys.ProfileReference);
        return reader is null
            ? null
            : new ProfileReference(reader.Location, reader.Scalar("name"), reader.Scalars(ScenarioKeys.ProfileFields));
    }

    private static PhaseDocument? ReadPhase(YamlNode node, YamlReadContext context)
    {
        var phase = MappingReader.Open(node, "timeline entry", context, ScenarioKeys.Phase);
        if (phase is null)
            return null;
        var toxics = phase
            .Sequence("toxics")
            .Select(n => MappingReader.Open(n, "toxic", context, [.. ScenarioKeys.ToxicCommon, .. ScenarioKeys.ToxicAttributes]))
            .OfType<MappingReader>()
            .Select(t => new ToxicDocument(
                t.Location,
                t.Scalar("proxy", required: true),
                t.Scalar("type", required: true),
                t.Scalar("stream"),
                t.Scalar("name"),
                t.Scalar("toxicity"),
                t.Scalars(ScenarioKeys.ToxicAttributes)
            ))
            .ToList();
        var events = phase.Sequence("events").Select(n => EventDocumentReader.Read(n, context)).OfType<EventDocument>().ToList();
        return new PhaseDocument(
            phase.Location,
            phase.Scalar("phase", required: true),
            phase.Scalar("duration", required: true),
            phase.Scalar("repeat"),
            toxics,
            events
        );
    }

    private static IReadOnlyList<ThresholdDocument> ReadThresholds(MappingReader root)
    {
        var node = root.Node("thresholds");
        if (node is null)
            return [];
        if (node is not YamlMappingNode mapping)
        {
            root.Context.Error(
                node,
                $"thresholds must be a mapping from probe name to a list of expressions, found {YamlReadContext.Describe(node)}"
            );
            return [];
        }
        var result = new List<ThresholdDocument>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } probe })
            {
                root.Context.Error(key, "thresholds: keys must be probe names");
                continue;
            }
            var items = value switch
            {
                YamlSequenceNode sequence => sequence.Children.ToList(),
                YamlScalarNode => [value],
                _ => null,
            };
            if (items is null)
            {
                root.Context.Error(
                    value,
                    $"thresholds for '{probe}' must be a list of expressions such as \"http_req_duration p(95) < 300ms\""
                );
                continue;
            }
            foreach (var item in items)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    result.Add(
                        new ThresholdDocument(
                            new Located<string>(probe, root.Context.At(key)),
                            new Located<string>(text, ExpressionStart(item, root.Context))
                        )
                    );
                }
                else if (
                    item is YamlMappingNode
                    && MappingReader.Open(item, $"threshold of '{probe}'", root.Context, ScenarioKeys.ThresholdEntry) is { } entry
                    && entry.Node("threshold", required: true) is YamlScalarNode { Value: { Length: > 0 } expression } expressionNode
                )
                {
                    var abort = entry.Scalar("abort_on_fail");
                    if (abort is not null && abort.Value is not ("true" or "false"))
                        root.Context.Diagnostics.Add(abort.Location, "abort_on_fail must be true or false");
                    result.Add(
                        new ThresholdDocument(
                            new Located<string>(probe, root.Context.At(key)),
                            new Located<string>(expression, ExpressionStart(expressionNode, root.Context))
                        )
                        {
                            AbortOnFail = abort?.Value == "true",
                            Delay = entry.Scalar("delay"),
                            When = ReadWhen(entry.Node("when"), root.Context),
                        }
                    );
                }
                else
                {
                    root.Context.Error(
                        item,
                        $"thresholds for '{probe}': each entry must be an expression string, found {YamlReadContext.Describe(item)}"
                    );
                }
            }
        }
        return result;
    }

    // Axis names and values are checked against the matrix by the validator; here only the shape.
    private static ThresholdWhenDocument? ReadWhen(YamlNode? node, YamlReadContext context)
    {
        if (node is null)
            return null;
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            context.Error(node, "when must map matrix axes to a value or a list of values, e.g. when: { network.profile: slow-3g }");
            return null;
        }
        var axes = new List<(Located<string>, IReadOnlyList<Located<string>>)>();
        foreach (var (key, value) in mapping.Children)
        {
            var values = value switch
            {
                YamlScalarNode { Value: { Length: > 0 } one } => [new Located<string>(one, context.At(value))],
                YamlSequenceNode { Children.Count: > 0 } list when list.Children.All(v => v is YamlScalarNode { Value.Length: > 0 }) => list
                    .Children.Select(v => new Located<string>(((YamlScalarNode)v).Value!, context.At(v)))
                    .ToList(),
                _ => (List<Located<string>>?)null,
            };
            if (key is not YamlScalarNode { Value: { Length: > 0 } axis } || values is null)
            {
                context.Error(value, "when: each entry is 'axis: value' or 'axis: [value, ...]'");
                continue;
            }
            axes.Add((new Located<string>(axis, context.At(key)), values));
        }
        return new ThresholdWhenDocument(context.At(node), axes);
    }

    // A quoted scalar's mark points at the quote; errors inside the expression are reported from its first character.
    private static SourceLocation ExpressionStart(YamlNode node, YamlReadContext context)
    {
        var location = context.At(node);
        return node is YamlScalarNode { Style: ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted } ? location.Shift(1) : location;
    }
}

using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// <c>network.mode</c> and a proxy's <c>mode</c>, and what packet mode allows: proxies (a link each) in front of launched
/// services, one service per link, every proxy of the run in packet mode, the toxics that mean something to packets
/// (latency, bandwidth, loss, noop, packet), no stream-model settings.
/// </summary>
internal static class PacketModeValidator
{
    /// <summary>Toxic types packet mode turns into packet impairments.</summary>
    public static readonly string[] PacketToxics = ["latency", "bandwidth", "loss", "noop", "packet"];

    public static NetworkMode Mode(
        NetworkDocument network,
        IReadOnlyList<ProxySpec> proxies,
        IReadOnlyList<ServiceSpec> services,
        DiagnosticBag diagnostics
    )
    {
        var scenarioMode = Read(network.Mode, "network.mode", diagnostics);
        var modes = network.Proxies.Select(p => (Proxy: p, Mode: Read(p.Mode, "proxy mode", diagnostics) ?? scenarioMode)).ToList();
        var packet = modes.Where(m => m.Mode == NetworkMode.Packet).Select(m => m.Proxy).ToList();
        if (scenarioMode != NetworkMode.Packet && packet.Count == 0)
            return NetworkMode.Proxy;
        var where = network.Mode is { Value: "packet" } scenario ? scenario.Location : packet[0].Mode!.Location;
        foreach (var (stream, _) in modes.Where(m => m.Mode != NetworkMode.Packet))
            RefuseMixing(stream, packet, diagnostics);
        if (network.Toxiproxy is { Value: not "embedded" } toxiproxy)
        {
            diagnostics.Add(toxiproxy.Location, "network.toxiproxy does not apply in packet mode: the harness impairs the packets itself");
        }
        if (network.Proxies.Count == 0)
        {
            diagnostics.Add(
                where,
                "packet mode needs a proxy whose upstream is a service of this scenario "
                    + "(the service runs in the server namespace; the proxy names its link and the hosts routed to it)"
            );
        }
        if (packet.Count > MaxLinks)
            diagnostics.Add(where, $"packet mode: at most {MaxLinks} proxies (one link each), not {packet.Count}");
        CheckUpstreams(packet, proxies, diagnostics);
        foreach (var service in services.Where(s => s.Region is not null))
        {
            diagnostics.Add(where, $"packet mode does not support regions yet (service '{service.Name}' has region '{service.Region}')");
        }
        return NetworkMode.Packet;
    }

    /// <summary>The most packet links (proxies) one run may have.</summary>
    public const int MaxLinks = Harness.Impairment.Packet.Namespaces.PacketNetworkOptions.MaxLinks;

    private static NetworkMode? Read(Located<string>? raw, string key, DiagnosticBag diagnostics)
    {
        switch (raw?.Value)
        {
            case null:
                return null;
            case "proxy":
                return NetworkMode.Proxy;
            case "packet":
                return NetworkMode.Packet;
            default:
                diagnostics.Add(raw.Location, $"{key} '{raw.Value}' must be proxy (the default) or packet");
                return null;
        }
    }

    private static void RefuseMixing(ProxyDocument stream, IReadOnlyList<ProxyDocument> packet, DiagnosticBag diagnostics)
    {
        var others = string.Join(", ", packet.Select(p => $"'{p.Name?.Value}'"));
        diagnostics.Add(
            stream.Mode?.Location ?? stream.Name?.Location ?? stream.Location,
            $"proxy '{stream.Name?.Value}' works on streams but {others} in this run work on packets: one run cannot mix them "
                + "(in packet mode the services run in the server namespace, which a stream proxy on the harness's side could reach "
                + "only across a packet link, impaired twice, and the run drives its packet links in place of a Toxiproxy); "
                + "give every proxy mode: packet, or none"
        );
    }

    /// <summary>Each packet link leads into the server namespace to one service, which listens on that link's address.</summary>
    private static void CheckUpstreams(IReadOnlyList<ProxyDocument> packet, IReadOnlyList<ProxySpec> proxies, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in packet)
        {
            if (proxies.FirstOrDefault(p => p.Name == document.Name?.Value) is not { } proxy)
                continue;
            var where = document.Upstream?.Location ?? document.Location;
            if (proxy.UpstreamService is not { } service)
            {
                diagnostics.Add(
                    where,
                    $"packet mode: proxy '{proxy.Name}' must have a service of this scenario as its upstream, not "
                        + $"{proxy.UpstreamAddress} (its link leads into the server namespace, where the services run)"
                );
            }
            else if (!taken.TryAdd(service, proxy.Name))
            {
                diagnostics.Add(
                    where,
                    $"packet mode: service '{service}' is already the upstream of proxy '{taken[service]}': each packet link "
                        + "has its own address in the server namespace and ${service_address} names one, so a service takes one link"
                );
            }
        }
    }

    public static void CheckToxic(
        ToxicDocument toxic,
        ToxicTypeInfo type,
        double toxicity,
        IReadOnlyDictionary<string, long> attributes,
        NetworkSpec network,
        DiagnosticBag diagnostics
    )
    {
        var where = toxic.Type?.Location ?? toxic.Location;
        if (network.Mode != NetworkMode.Packet)
        {
            if (type.Type == "packet")
                diagnostics.Add(where, "toxic type 'packet' needs network.mode: packet");
            return;
        }
        if (!PacketToxics.Contains(type.Type))
        {
            diagnostics.Add(where, $"toxic type '{type.Type}' acts on streams; packet mode takes {string.Join(", ", PacketToxics)}");
            return;
        }
        if (toxicity != 1)
            diagnostics.Add(toxic.Toxicity?.Location ?? where, "packet mode: toxicity must be 1 (every packet of the direction)");
        if (attributes.GetValueOrDefault("distribution") != 0)
        {
            diagnostics.Add(toxic.Attributes["distribution"].Location, "packet mode: latency jitter is uniform; leave out distribution");
        }
        foreach (var streamOnly in new[] { "segment_size", "rto", "rtt" }.Where(attributes.ContainsKey))
        {
            diagnostics.Add(
                toxic.Attributes[streamOnly].Location,
                $"packet mode: loss {streamOnly} belongs to the stream model; the kernel's TCP has its own segments and timeouts"
            );
        }
    }
}

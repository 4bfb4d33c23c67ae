using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// <c>network.mode</c> and what packet mode allows: one proxy (its link) in front of a launched service, the
/// toxics that mean something to packets (latency, bandwidth, loss, noop, packet), no stream-model settings.
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
        if (network.Mode is not { } raw || raw.Value == "proxy")
            return NetworkMode.Proxy;
        if (raw.Value != "packet")
        {
            diagnostics.Add(raw.Location, $"network.mode '{raw.Value}' must be proxy (the default) or packet");
            return NetworkMode.Proxy;
        }
        if (network.Toxiproxy is { Value: not "embedded" } toxiproxy)
        {
            diagnostics.Add(toxiproxy.Location, "network.toxiproxy does not apply in packet mode: the harness impairs the packets itself");
        }
        if (proxies.Count != 1 || proxies[0].UpstreamService is null)
        {
            diagnostics.Add(
                raw.Location,
                "packet mode needs exactly one proxy whose upstream is a service of this scenario "
                    + "(the service runs in the server namespace; the proxy names its link and the hosts routed to it)"
            );
        }
        foreach (var service in services.Where(s => s.Region is not null))
        {
            diagnostics.Add(
                raw.Location,
                $"packet mode does not support regions yet (service '{service.Name}' has region '{service.Region}')"
            );
        }
        return NetworkMode.Packet;
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

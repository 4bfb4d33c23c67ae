using System.Globalization;
using Harness.Probes.Browser;

namespace Harness.Scenarios.Model;

/// <summary>Something that happens to the network at <see cref="At"/> after its phase starts.</summary>
public sealed record PhaseEventSpec(TimeSpan At, PhaseEventAction Action);

/// <summary>
/// The closed set of timeline events: proxy events change the impaired network, browser_network a browser's emulated one.
/// </summary>
public abstract record PhaseEventAction
{
    public abstract string Describe();
}

/// <summary>Drop every connection of the proxy at once (a load-balancer change); new connections are accepted again right after.</summary>
public sealed record ResetConnectionsAction(string Proxy) : PhaseEventAction
{
    public override string Describe() => $"reset every connection of {Proxy}";
}

/// <summary>Take the proxy down (connections closed, new ones refused) or bring it back: a partition.</summary>
public sealed record SetProxyEnabledAction(string Proxy, bool Enabled) : PhaseEventAction
{
    public override string Describe() => $"{(Enabled ? "enable" : "disable")} {Proxy}";
}

/// <summary>
/// Take the proxy down for <see cref="Down"/> in every <see cref="Period"/> until the phase ends; it is up again afterwards.
/// </summary>
public sealed record FlapAction(string Proxy, TimeSpan Period, TimeSpan Down) : PhaseEventAction
{
    public override string Describe() => $"flap {Proxy}: down {Down.TotalMilliseconds}ms every {Period.TotalMilliseconds}ms";
}

/// <summary>Move a toxic attribute of this phase linearly from <see cref="From"/> to <see cref="To"/> over <see cref="Over"/>.</summary>
public sealed record RampAction(string Proxy, string Toxic, string Attribute, long From, long To, TimeSpan Over) : PhaseEventAction
{
    public override string Describe() => $"ramp {Proxy}/{Toxic}.{Attribute} from {From} to {To} over {Over.TotalMilliseconds}ms";
}

/// <summary>
/// Change the emulated network (CDP Network.emulateNetworkConditions) of browser participants' live pages, and
/// of the pages they open later, until another browser_network event changes it. <see cref="Probe"/> null means
/// every browser probe; <see cref="Participant"/> null every participant (a declared name covers its copies);
/// <see cref="Conditions"/> null means the real network again (no emulation).
/// </summary>
public sealed record BrowserNetworkAction(string? Probe, string? Participant, NetworkConditions? Conditions) : PhaseEventAction
{
    /// <summary>The named profile the conditions were taken from, shown in plans and results.</summary>
    public string? Profile { get; init; }

    public override string Describe()
    {
        var who = (Probe, Participant) switch
        {
            (null, null) => "every browser participant",
            (null, { } p) => $"browser participant {p}",
            ({ } probe, null) => $"every participant of {probe}",
            ({ } probe, { } p) => $"{probe}/{p}",
        };
        return $"browser network of {who}: {DescribeConditions()}";
    }

    private string DescribeConditions()
    {
        if (Conditions is not { } c)
            return "reset (no emulation)";
        var parts = new List<string>();
        if (Profile is not null)
            parts.Add($"profile {Profile}");
        if (c.Offline)
            parts.Add("offline");
        if (c.Latency > TimeSpan.Zero)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"latency {c.Latency.TotalMilliseconds:0.###}ms"));
        if (c.DownloadBytesPerSecond is { } down)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"download {down / 1000.0:0.###}KB/s"));
        if (c.UploadBytesPerSecond is { } up)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"upload {up / 1000.0:0.###}KB/s"));
        return parts.Count == 0 ? "unthrottled" : string.Join(", ", parts);
    }
}

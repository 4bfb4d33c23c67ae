namespace Harness.Scenarios.Model;

/// <summary>Something that happens to the network at <see cref="At"/> after its phase starts.</summary>
public sealed record PhaseEventSpec(TimeSpan At, PhaseEventAction Action);

/// <summary>The closed set of timeline events.</summary>
public abstract record PhaseEventAction(string Proxy)
{
    public abstract string Describe();
}

/// <summary>Drop every connection of the proxy at once (a load-balancer change); new connections are accepted again right after.</summary>
public sealed record ResetConnectionsAction(string Proxy) : PhaseEventAction(Proxy)
{
    public override string Describe() => $"reset every connection of {Proxy}";
}

/// <summary>Take the proxy down (connections closed, new ones refused) or bring it back: a partition.</summary>
public sealed record SetProxyEnabledAction(string Proxy, bool Enabled) : PhaseEventAction(Proxy)
{
    public override string Describe() => $"{(Enabled ? "enable" : "disable")} {Proxy}";
}

/// <summary>Take the proxy down for <see cref="Down"/> in every <see cref="Period"/> until the phase ends; it is up again afterwards.</summary>
public sealed record FlapAction(string Proxy, TimeSpan Period, TimeSpan Down) : PhaseEventAction(Proxy)
{
    public override string Describe() => $"flap {Proxy}: down {Down.TotalMilliseconds}ms every {Period.TotalMilliseconds}ms";
}

/// <summary>Move a toxic attribute of this phase linearly from <see cref="From"/> to <see cref="To"/> over <see cref="Over"/>.</summary>
public sealed record RampAction(string Proxy, string Toxic, string Attribute, long From, long To, TimeSpan Over) : PhaseEventAction(Proxy)
{
    public override string Describe() => $"ramp {Proxy}/{Toxic}.{Attribute} from {From} to {To} over {Over.TotalMilliseconds}ms";
}

namespace LiveRoom.Incidents.Relay;

/// <summary>
/// Rooms homed on another instance (<c>LiveRoom:Relay:Homes:7=us-east</c>) are relayed: this instance fetches their
/// frames from that instance (<c>LiveRoom:Relay:Peers:us-east=http://host:port</c>) and streams them to
/// its own participants. Each fetch has a timeout; three failed fetches in a row close the room's participants with
/// <see cref="RelayTimeoutCloseCode"/>. <see cref="ShortTimeout"/> is the bug switch: the relay then uses
/// <see cref="ShortTimeoutMs"/>, a timeout fine within one region and too short for any round trip between regions.
/// </summary>
public sealed record RelayOptions
{
    /// <summary>The close code participants of a relayed room get when the relay keeps timing out.</summary>
    public const int RelayTimeoutCloseCode = 4504;

    /// <summary>This instance's name among the peers; defaults to its region (<c>LiveRoom:Region</c>).</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Room id to the instance (a peer name, usually its region) that hosts it; a room not listed (or homed here) is local.
    /// </summary>
    public Dictionary<string, string> Homes { get; init; } = [];

    /// <summary>Region to the base URL of that region's instance, e.g. <c>http://127.0.0.1:5081</c>.</summary>
    public Dictionary<string, string> Peers { get; init; } = [];

    /// <summary>Timeout of one relay fetch, in ms. Defaults to 1000.</summary>
    public int TimeoutMs { get; init; } = 1000;

    /// <summary>
    /// The bug switch (<c>off</c> by default): <c>on</c> fetches with <see cref="ShortTimeoutMs"/> instead of <see cref="TimeoutMs"/>.
    /// </summary>
    public RelaySwitch ShortTimeout { get; init; }

    /// <summary>The too-short timeout the bug switch uses, in ms. Defaults to 40 (below any inter-region round trip).</summary>
    public int ShortTimeoutMs { get; init; } = 40;

    /// <summary>Failed fetches in a row before the relayed room's participants are closed. Defaults to 3.</summary>
    public int FailuresToClose { get; init; } = 3;

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(ShortTimeout == RelaySwitch.On ? ShortTimeoutMs : TimeoutMs);

    /// <summary>Every broken rule, named by its configuration key.</summary>
    public IEnumerable<string> Validate(string region)
    {
        if (TimeoutMs is < 1 or > 60_000)
            yield return $"LiveRoom:Relay:TimeoutMs must be between 1 and 60000, got {TimeoutMs}";
        if (ShortTimeoutMs is < 1 or > 60_000)
            yield return $"LiveRoom:Relay:ShortTimeoutMs must be between 1 and 60000, got {ShortTimeoutMs}";
        if (FailuresToClose < 1)
            yield return $"LiveRoom:Relay:FailuresToClose must be at least 1, got {FailuresToClose}";
        foreach (var (room, home) in Homes)
        {
            if (home != (Name ?? region) && !Peers.ContainsKey(home))
                yield return $"LiveRoom:Relay:Homes:{room} is homed in '{home}', but LiveRoom:Relay:Peers has no URL for '{home}'";
        }
        foreach (var (peer, url) in Peers)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return $"LiveRoom:Relay:Peers:{peer} must be an http(s) URL, got '{url}'";
        }
    }

    /// <summary>Options compare by value, the maps by their entries, so two bindings of the same settings are equal.</summary>
    public bool Equals(RelayOptions? other) =>
        other is not null
        && Name == other.Name
        && TimeoutMs == other.TimeoutMs
        && ShortTimeout == other.ShortTimeout
        && ShortTimeoutMs == other.ShortTimeoutMs
        && FailuresToClose == other.FailuresToClose
        && Same(Homes, other.Homes)
        && Same(Peers, other.Peers);

    public override int GetHashCode() =>
        HashCode.Combine(Name, TimeoutMs, ShortTimeout, ShortTimeoutMs, FailuresToClose, Homes.Count, Peers.Count);

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <summary>The peer hosting <paramref name="room"/> when that is not this instance; null for a local room.</summary>
    public string? RemoteHome(string room, string region) =>
        Homes.TryGetValue(room, out var home) && home != (Name ?? region) ? home : null;
}

/// <summary>A bug switch as scenarios write it: <c>on</c> or <c>off</c>.</summary>
public enum RelaySwitch
{
    Off,
    On,
}

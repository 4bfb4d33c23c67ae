namespace Harness.Probes.Browser;

/// <summary>
/// Changes the page's emulated network through the Chrome DevTools Protocol. Latency applies to HTTP requests
/// and WebSocket handshakes only (not to frames on an open socket); throughput applies to both. For per-frame
/// latency or loss, route the participant through an impairment proxy instead.
/// </summary>
public sealed record NetworkStep : BrowserStep
{
    public override string Kind => "network";

    /// <summary>Conditions for every request; null leaves the global conditions unchanged.</summary>
    public NetworkConditions? Conditions { get; init; }

    /// <summary>
    /// Conditions for requests matching URL patterns (Network.emulateNetworkConditionsByRule); null leaves rules unchanged, empty clears
    /// them.
    /// </summary>
    public IReadOnlyList<NetworkRule>? Rules { get; init; }

    /// <summary>Removes all emulation first (global conditions and rules).</summary>
    public bool Reset { get; init; }

    public override string Describe() => Reset && Conditions is null && Rules is null ? "network reset" : "network";

    internal override void Validate(ICollection<string> errors, string path)
    {
        base.Validate(errors, path);
        if (!Reset && Conditions is null && Rules is null)
            errors.Add($"{path}: give conditions, rules or reset");
        Conditions?.Validate(errors, $"{path}.conditions");
        for (var i = 0; i < (Rules?.Count ?? 0); i++)
        {
            var rule = Rules![i];
            if (rule is null)
            {
                errors.Add($"{path}.rules[{i}]: must not be null");
                continue;
            }
            if (string.IsNullOrWhiteSpace(rule.UrlPattern))
                errors.Add($"{path}.rules[{i}].url_pattern: must not be empty");
            rule.Conditions.Validate(errors, $"{path}.rules[{i}]");
        }
    }
}

/// <summary>Emulated network conditions. Throughputs are bytes per second; null means unthrottled.</summary>
public sealed record NetworkConditions
{
    public TimeSpan Latency { get; init; }

    public long? DownloadBytesPerSecond { get; init; }

    public long? UploadBytesPerSecond { get; init; }

    /// <summary>New requests and WebSockets fail; already open sockets stop receiving.</summary>
    public bool Offline { get; init; }

    internal void Validate(ICollection<string> errors, string path)
    {
        if (Latency < TimeSpan.Zero)
            errors.Add($"{path}.latency: must not be negative, got {Latency}");
        if (DownloadBytesPerSecond is <= 0)
            errors.Add($"{path}.download: must be positive, got {DownloadBytesPerSecond}");
        if (UploadBytesPerSecond is <= 0)
            errors.Add($"{path}.upload: must be positive, got {UploadBytesPerSecond}");
    }
}

/// <summary>Conditions for URLs matching a URLPattern (for example <c>ws://liveroom.test/*</c>).</summary>
public sealed record NetworkRule(string UrlPattern, NetworkConditions Conditions);

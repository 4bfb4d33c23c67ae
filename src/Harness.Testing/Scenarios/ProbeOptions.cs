namespace Harness.Testing;

/// <summary>
/// An <c>http</c> probe for <see cref="ScenarioBuilder.Http"/>: one request every <see cref="Every"/>. Null properties keep the
/// scenario language's defaults.
/// </summary>
public sealed class HttpProbeOptions
{
    /// <summary>The probe's name (thresholds refer to it). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Relative to the scenario's base URL, or absolute. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>GET unless set.</summary>
    public string? Method { get; set; }

    /// <summary>Time between request starts; 1 s unless set.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>The status that counts as success; 200 unless set.</summary>
    public int? ExpectStatus { get; set; }

    /// <summary>Per request; 10 s unless set.</summary>
    public TimeSpan? Timeout { get; set; }

    internal Dictionary<string, object?> ToYaml()
    {
        var map = ProbeYaml.Start(Name, Url);
        ProbeYaml.Put(map, "method", Method);
        ProbeYaml.Put(map, "every", Every);
        ProbeYaml.Put(map, "expect_status", ExpectStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProbeYaml.Put(map, "timeout", Timeout);
        return map;
    }
}

/// <summary>
/// A <c>websocket</c> probe for <see cref="ScenarioBuilder.WebSocket"/>: <see cref="Clients"/> connections that time echoed
/// messages (<see cref="EchoEvery"/>) or read a sequenced stream (<see cref="StreamSequence"/>). Null keeps the defaults.
/// </summary>
public sealed class WebSocketProbeOptions
{
    /// <summary>The probe's name (thresholds refer to it). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Relative to the scenario's base URL (as ws://), or absolute. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>How many connections; 1 unless set.</summary>
    public int? Clients { get; set; }

    /// <summary>Send a message this often and time its echo (<c>ws_rtt</c>).</summary>
    public TimeSpan? EchoEvery { get; set; }

    /// <summary>Size of each echoed message in bytes (with <see cref="EchoEvery"/>).</summary>
    public int? EchoSize { get; set; }

    /// <summary>The JSON field of a streamed message holding its sequence number (losses, duplicates, reordering).</summary>
    public string? StreamSequence { get; set; }

    /// <summary>The JSON field holding the sender's timestamp (<c>ws_frame_delay</c>), with <see cref="StreamSequence"/>.</summary>
    public string? StreamTimestamp { get; set; }

    internal Dictionary<string, object?> ToYaml()
    {
        var map = ProbeYaml.Start(Name, Url);
        ProbeYaml.Put(map, "clients", Clients?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (EchoEvery is { } every)
        {
            var echo = new Dictionary<string, object?> { ["every"] = YamlValues.Duration(every) };
            ProbeYaml.Put(echo, "size", EchoSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            map["echo"] = echo;
        }
        if (StreamSequence is not null)
        {
            var stream = new Dictionary<string, object?> { ["sequence"] = StreamSequence };
            ProbeYaml.Put(stream, "timestamp", StreamTimestamp);
            map["stream"] = stream;
        }
        return map;
    }
}

internal static class ProbeYaml
{
    public static Dictionary<string, object?> Start(string name, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = name, ["url"] = url };
    }

    public static void Put(Dictionary<string, object?> map, string key, string? value)
    {
        if (value is not null)
            map[key] = value;
    }

    public static void Put(Dictionary<string, object?> map, string key, TimeSpan? value)
    {
        if (value is { } v)
            map[key] = YamlValues.Duration(v);
    }
}

namespace Harness.Probes.Http;

/// <summary>
/// Rides on a request so the handler's connect callback can report a connection opened for it. The probe
/// sends one request at a time, so the connection opened for a request is the one it uses.
/// </summary>
internal sealed class ConnectTiming
{
    public static readonly HttpRequestOptionsKey<ConnectTiming> Key = new("Harness.Probes.ConnectTiming");

    public TimeSpan? Connecting { get; set; }

    public static void Record(HttpRequestMessage request, TimeSpan connecting)
    {
        if (request.Options.TryGetValue(Key, out var timing)) timing.Connecting = connecting;
    }
}

namespace Harness.Probes.Http;

/// <summary>
/// Rides on a request so the handler's callbacks can report a connection opened for it: how long TCP took and,
/// for https, how long TLS took after that. The probe sends one request at a time, so the connection opened for a
/// request is the one it uses; a load driver sharing a pool may see a connection opened for one request carry
/// another (SocketsHttpHandler hands new connections to whichever request waits), a bounded misattribution.
/// </summary>
internal sealed class ConnectTiming(TimeProvider time)
{
    public static readonly HttpRequestOptionsKey<ConnectTiming> Key = new("Harness.Probes.ConnectTiming");

    private readonly TimeProvider _time = time;
    private long _connectedAt;

    public TimeSpan? Connecting { get; private set; }

    public TimeSpan? TlsHandshaking { get; private set; }

    public static void Record(HttpRequestMessage request, TimeSpan connecting)
    {
        if (!request.Options.TryGetValue(Key, out var timing))
            return;
        timing.Connecting = connecting;
        timing._connectedAt = timing._time.GetTimestamp();
    }

    public static void Ready(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out var timing) || timing.Connecting is null)
            return;
        if (request.RequestUri?.Scheme == Uri.UriSchemeHttps)
            timing.TlsHandshaking = timing._time.GetElapsedTime(timing._connectedAt);
    }
}

using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.Probes.WebSockets;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>Builds the probe a scenario declares; the one place scenario specs meet probe options.</summary>
internal static class ProbeFactory
{
    public static IProbe Create(ProbeSpec spec) => spec switch
    {
        HttpProbeSpec http => new HttpProbe(new HttpProbeOptions(http.Name, http.Url)
        {
            Interval = http.Every,
            ExpectedStatus = http.ExpectStatus,
            Timeout = http.Timeout,
            Method = new HttpMethod(http.Method),
        }),
        WebSocketProbeSpec ws => new WebSocketProbe(new WebSocketProbeOptions(ws.Name, ws.Url)
        {
            Clients = ws.Clients,
            ConnectTimeout = ws.ConnectTimeout,
            ReconnectDelay = ws.ReconnectDelay,
            Stream = ws.Stream is null ? null : new WebSocketStreamCheck { SequenceField = ws.Stream.SequenceField, TimestampField = ws.Stream.TimestampField },
            Echo = ws.Echo is null ? null : new WebSocketEchoOptions { Interval = ws.Echo.Every, PayloadBytes = ws.Echo.Size },
        }),
        _ => throw new NotSupportedException($"probe kind {spec.GetType().Name}"),
    };
}

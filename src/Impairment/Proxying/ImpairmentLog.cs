using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>Source-generated log messages of the engine, with stable event ids.</summary>
internal static partial class ImpairmentLog
{
    [LoggerMessage(1, LogLevel.Information, "Started proxy {ProxyName} listening on {Listen} for {Upstream}")]
    public static partial void ProxyStarted(ILogger logger, string proxyName, string listen, string upstream);

    [LoggerMessage(2, LogLevel.Information, "Stopped proxy {ProxyName}")]
    public static partial void ProxyStopped(ILogger logger, string proxyName);

    [LoggerMessage(3, LogLevel.Debug, "Proxy {ProxyName} accepted connection {ConnectionId} from {Client}")]
    public static partial void ClientAccepted(ILogger logger, string proxyName, long connectionId, string client);

    [LoggerMessage(4, LogLevel.Warning, "Proxy {ProxyName} could not dial upstream {Upstream}: {Reason}")]
    public static partial void UpstreamDialFailed(ILogger logger, string proxyName, string upstream, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Proxy {ProxyName} connection {ConnectionId} closed")]
    public static partial void ConnectionClosed(ILogger logger, string proxyName, long connectionId);

    [LoggerMessage(6, LogLevel.Debug, "Proxy {ProxyName} connection {ConnectionId} {Direction} link ended: {Result}")]
    public static partial void LinkEnded(ILogger logger, string proxyName, long connectionId, Direction direction, CopyResult result);

    [LoggerMessage(7, LogLevel.Error, "Toxic {Toxic} on the {Direction} link failed; the link continues without it")]
    public static partial void ToxicFailed(ILogger logger, string toxic, Direction direction, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Proxy {ProxyName} stopped accepting")]
    public static partial void AcceptFailed(ILogger logger, string proxyName, Exception exception);
}

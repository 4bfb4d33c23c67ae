using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>The one place that turns socket exceptions into <see cref="CopyResult"/> values.</summary>
internal static class SocketErrorClassifier
{
    public static bool IsSocketFailure(Exception ex) =>
        ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException;

    public static CopyResult Classify(Exception ex) =>
        ex switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted } => CopyResult.PeerReset,
            SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown } =>
                CopyResult.Aborted,
            ObjectDisposedException or OperationCanceledException => CopyResult.Aborted,
            IOException { InnerException: SocketException inner } => Classify(inner),
            _ => CopyResult.Failed,
        };
}

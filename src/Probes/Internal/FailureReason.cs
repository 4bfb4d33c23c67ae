using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace Harness.Probes.Internal;

/// <summary>
/// Classifies a failed exchange once, into the short reasons samples carry: refused, reset, timeout, dns, tls,
/// or error when nothing more specific fits.
/// </summary>
internal static class FailureReason
{
    public const string Refused = "refused";
    public const string Reset = "reset";
    public const string Timeout = "timeout";
    public const string Dns = "dns";
    public const string Tls = "tls";
    public const string Status = "status";
    public const string Error = "error";

    /// <summary>Exceptions that mean "the target or the network misbehaved", which probes record instead of throwing.</summary>
    public static bool IsExpected(Exception ex) => ex is HttpRequestException or IOException or SocketException
        or WebSocketException or OperationCanceledException or AuthenticationException or TimeoutException;

    public static string Classify(Exception ex)
    {
        // The socket error, wherever it is nested, is the most precise account of what the network did.
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket) return FromSocketError(socket.SocketErrorCode);
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }: return Dns;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }: return Tls;
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }: return Reset;
                case WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely }: return Reset;
                case AuthenticationException: return Tls;
                case TimeoutException or OperationCanceledException: return Timeout;
                case IOException: return Reset;
            }
        }
        return Error;
    }

    private static string FromSocketError(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => Refused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => Reset,
        SocketError.TimedOut => Timeout,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Dns,
        _ => Error,
    };
}

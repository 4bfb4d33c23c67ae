using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace Harness.Probes.Internal;

/// <summary>
/// The one classifier of failed exchanges: every probe turns a failure into the class its samples carry as the
/// <c>error</c> tag (refused, reset, timeout, dns, tls, status_NNN, closed_NNNN, handshake_NNN, check, cut_off,
/// too_big, or error when nothing more specific fits) and a short human message for reports.
/// </summary>
internal static class FailureReason
{
    public const string Refused = "refused";
    public const string Reset = "reset";
    public const string Timeout = "timeout";
    public const string Dns = "dns";
    public const string Tls = "tls";
    public const string Check = "check";
    public const string CutOff = "cut_off";
    public const string TooBig = "too_big";
    public const string Error = "error";

    /// <summary>The longest message kept per failure; longer ones are cut with an ellipsis.</summary>
    public const int MaxMessageLength = 300;

    /// <summary>Exceptions that mean "the target or the network misbehaved", which probes record instead of throwing.</summary>
    public static bool IsExpected(Exception ex) =>
        ex
            is HttpRequestException
                or IOException
                or SocketException
                or WebSocketException
                or OperationCanceledException
                or AuthenticationException
                or TimeoutException;

    /// <summary>An HTTP response whose status was not the expected one: <c>status_503</c>.</summary>
    public static string Status(int status) => "status_" + status.ToString(CultureInfo.InvariantCulture);

    /// <summary>A WebSocket the peer closed with a code: <c>closed_4504</c> (1005 when the close frame carried none).</summary>
    public static string Closed(int code) => "closed_" + code.ToString(CultureInfo.InvariantCulture);

    /// <summary>A WebSocket handshake answered with an HTTP status instead of 101: <c>handshake_503</c>.</summary>
    public static string Handshake(int status) => "handshake_" + status.ToString(CultureInfo.InvariantCulture);

    /// <summary>"HTTP 503 Service Unavailable": the status with the server's reason phrase, or the standard one.</summary>
    public static string DescribeStatus(int status, string? reasonPhrase = null)
    {
        var phrase = string.IsNullOrWhiteSpace(reasonPhrase) ? StandardPhrase(status) : reasonPhrase.Trim();
        var code = status.ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(phrase) ? $"HTTP {code}" : $"HTTP {code} {phrase}";
    }

    /// <summary>"0.2 s", "10 s": a limit as messages state it.</summary>
    public static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";

    public static string Classify(Exception ex)
    {
        // The socket error, wherever it is nested, is the most precise account of what the network did.
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
                return FromSocketError(socket.SocketErrorCode);
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return Dns;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return Tls;
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return Reset;
                case WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely }:
                    return Reset;
                case AuthenticationException:
                    return Tls;
                case TimeoutException or OperationCanceledException:
                    return Timeout;
                case IOException:
                    return Reset;
            }
        }
        return Error;
    }

    /// <summary>
    /// The failure in one line: the messages of the exception chain, outermost first, each only when it adds
    /// something (.NET's "Connection refused (127.0.0.1:5999)" already holds its socket's "Connection refused"), cut to
    /// <see cref="MaxMessageLength"/>.
    /// </summary>
    public static string Describe(Exception ex)
    {
        var text = "";
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim();
            if (message.Length == 0 || text.Contains(message, StringComparison.Ordinal))
                continue;
            text = text.Length == 0 ? message : $"{text}: {message}";
        }
        return Cut(text.Length == 0 ? ex.GetType().Name : text);
    }

    public static string Cut(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxMessageLength ? line : string.Concat(line.AsSpan(0, MaxMessageLength - 1), "…");
    }

    private static string FromSocketError(SocketError error) =>
        error switch
        {
            SocketError.ConnectionRefused => Refused,
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => Reset,
            SocketError.TimedOut => Timeout,
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => Dns,
            _ => Error,
        };

    // HttpResponseMessage knows the standard reason phrases and hands them out when none was set.
    private static string StandardPhrase(int status)
    {
        if (status is < 100 or > 999)
            return "";
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        return response.ReasonPhrase ?? "";
    }
}

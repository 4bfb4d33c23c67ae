using System.Net.Sockets;

namespace Harness.Repro;

/// <summary>Tells a target nobody answers on (unusable) from a page that failed: one direct, unimpaired TCP connect.</summary>
internal static class Reachability
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <returns>Why host:port cannot be reached at all, or null when something accepts connections there.</returns>
    public static async Task<string?> ProblemAsync(string host, int port, CancellationToken cancellationToken)
    {
        var address = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Bound);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, bounded.Token).ConfigureAwait(false);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return $"nothing is listening on {address} (connection refused)";
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
        {
            return $"the host '{host}' does not resolve ({e.Message})";
        }
        catch (SocketException e)
        {
            return $"{address} cannot be reached ({e.Message})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{address} did not accept a connection within {Bound.TotalSeconds:0} s";
        }
    }
}

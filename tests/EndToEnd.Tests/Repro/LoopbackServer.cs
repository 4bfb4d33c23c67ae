using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EndToEnd.Tests.Repro;

/// <summary>
/// A loopback TCP server on port 0 that reads each connection's request head and hands it to
/// <see cref="AnswerAsync"/>; a client that goes away, or the server stopping, ends an answer quietly.
/// </summary>
internal abstract class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts accepting; called by the subclass's constructor once its own fields are set.</summary>
    protected void Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <param name="head">The request line and header lines, without the empty line that ends them.</param>
    protected abstract Task AnswerAsync(NetworkStream stream, IReadOnlyList<string> head, CancellationToken stop);

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
                _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var head = new List<string>();
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
                    head.Add(line);
                if (head.Count > 0)
                    await AnswerAsync(stream, head, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // client gone or stopped
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

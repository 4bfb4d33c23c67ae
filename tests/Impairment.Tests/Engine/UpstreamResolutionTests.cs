using System.Net;
using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.TestSupport;

namespace Impairment.Tests.Engine;

/// <summary>
/// An upstream given by name is looked up once per engine, asynchronously, not once per connection (the issue's
/// synchronous per-connection lookups); every connection still reaches the upstream.
/// </summary>
public class UpstreamResolutionTests
{
    [Test]
    public async Task UpstreamName_FiveConnections_LookedUpOnce()
    {
        await using var echo = new EchoServer();
        var lookups = 0;
        var options = new ImpairmentEngineOptions
        {
            HostLookup = (host, _) =>
            {
                Interlocked.Increment(ref lookups);
                return Task.FromResult(host == "echo.test" ? new[] { IPAddress.Loopback } : []);
            },
        };
        await using var engine = new ImpairmentEngine(options);
        var port = echo.Address[(echo.Address.LastIndexOf(':') + 1)..];
        var listen = engine.CreateProxy(new ProxySpec("p", $"echo.test:{port}", "127.0.0.1:0")).Value!.Listen;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        for (var i = 0; i < 5; i++)
            Assert.That(await EchoOnceAsync(listen, timeout.Token), Is.EqualTo(42));

        Assert.That(lookups, Is.EqualTo(1));
    }

    private static async Task<int> EchoOnceAsync(string listen, CancellationToken token)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPEndPoint.Parse(listen), token);
        await socket.SendAsync(new byte[] { 42 }, SocketFlags.None, token);
        var buffer = new byte[1];
        return await socket.ReceiveAsync(buffer, SocketFlags.None, token) == 1 ? buffer[0] : -1;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Impairment.Server.Tests;

/// <summary>Toxic changes over HTTP on busy connections: every call answers and no byte is lost or reordered.</summary>
public sealed class LiveChangeTests : ApiTestBase
{
    [Test]
    public async Task ToxicChanges_WhileStreamingMegabytes_ApiAnswersAndEchoIsIntact()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var proxy = await CreateProxyAsync();
        using var client = await ConnectAsync(proxy, cts.Token);
        var payload = new byte[2 * 1024 * 1024];
        new Random(9).NextBytes(payload);

        var sending = Task.Run(async () =>
        {
            for (var offset = 0; offset < payload.Length; offset += 8192)
            {
                await client.SendAsync(payload.AsMemory(offset, Math.Min(8192, payload.Length - offset)), SocketFlags.None, cts.Token);
            }
        });
        var receiving = ReceiveExactlyAsync(client, payload.Length, cts.Token);

        string[] bodies =
        [
            """{"type":"latency","name":"lat","attributes":{"latency":2,"jitter":1}}""",
            """{"type":"bandwidth","name":"bw","stream":"upstream","attributes":{"rate":100000}}""",
            """{"type":"noop","name":"n"}""",
        ];
        for (var round = 0; round < 10; round++)
        {
            foreach (var body in bodies)
            {
                using var added = await SendAsync("POST", $"/proxies/{proxy}/toxics", body);
                Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            using (var updated = await SendAsync("PATCH", $"/proxies/{proxy}/toxics/lat", """{"attributes":{"latency":1}}"""))
            {
                Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            foreach (var name in new[] { "n", "lat", "bw" })
            {
                using var removed = await SendAsync("DELETE", $"/proxies/{proxy}/toxics/{name}");
                Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
        }

        await sending;
        Assert.That(await receiving, Is.EqualTo(payload));
    }

    [Test]
    public async Task StallingToxic_Removed_CallReturnsAndHeldBytesArrive()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var proxy = await CreateProxyAsync();
        using var client = await ConnectAsync(proxy, cts.Token);
        using (
            var stall = await SendAsync(
                "POST",
                $"/proxies/{proxy}/toxics",
                """{"type":"bandwidth","name":"freeze","attributes":{"rate":0}}"""
            )
        )
        {
            Assert.That(stall.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        await client.SendAsync("held"u8.ToArray(), SocketFlags.None, cts.Token);
        var reply = ReceiveExactlyAsync(client, 4, cts.Token);

        using var removed = await SendAsync("DELETE", $"/proxies/{proxy}/toxics/freeze");
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await reply, Is.EqualTo("held"u8.ToArray()));
    }

    private async Task<Socket> ConnectAsync(string proxy, CancellationToken token)
    {
        using var response = await SendAsync("GET", $"/proxies/{proxy}");
        var listen = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.GetProperty("listen").GetString()!;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPEndPoint.Parse(listen), token);
        return socket;
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket client, int length, CancellationToken token)
    {
        var buffer = new byte[length];
        var offset = 0;
        while (offset < length)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, token);
            if (read == 0)
                throw new EndOfStreamException($"closed after {offset} of {length} bytes");
            offset += read;
        }
        return buffer;
    }
}

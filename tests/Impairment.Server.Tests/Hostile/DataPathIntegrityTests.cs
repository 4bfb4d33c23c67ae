using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Impairment.Server.Tests.Hostile;

/// <summary>
/// Issue 11's data-path check: checksummed streams through a proxy to an echo server and back while toxics with
/// extreme attributes are added, updated and removed on both directions. Every byte must come back, in order and
/// unchanged; no toxic may fail (a failure is logged as an error) and the API may not answer 500.
/// </summary>
[NonParallelizable]
public sealed class DataPathIntegrityTests : HostileApiTestBase
{
    private const int Seed = 424242;
    private const int StreamBytes = 3 * 1024 * 1024;

    // Toxics that delay, slice or stall but never drop by design, each with extreme values for its attributes.
    private static readonly (string Type, string Attribute, long[] Values)[] Extremes =
    [
        ("latency", "latency", [0, 1, -1, long.MaxValue, long.MinValue, 86_400_000]),
        ("latency", "jitter", [1, -1, long.MaxValue, long.MinValue, 1_000_000_000]),
        ("latency", "distribution", [0, 1, 2, 3, -1]),
        ("bandwidth", "rate", [0, 1, 1_000_000_000_000, 92233720368547759, long.MaxValue, -1]),
        ("slicer", "average_size", [1, 2, long.MaxValue, 0, -1]),
        ("slicer", "size_variation", [0, long.MaxValue, -1]),
        ("slicer", "delay", [0, 1, long.MaxValue, long.MinValue]),
        ("loss", "probability", [0, 50, 100, 101, -1]),
        ("loss", "segment_size", [1, long.MaxValue, 0]),
        ("loss", "rto", [200, 60_000, long.MaxValue]),
        ("slow_open", "delay", [0, long.MaxValue, -1]),
        ("slow_close", "delay", [long.MaxValue, long.MinValue]),
        ("noop", "none", [0]),
        ("hang", "none", [0]),
    ];

    [Test]
    public async Task ChecksummedStreams_ToxicsWithExtremeAttributesChurned_ZeroBytesLostOrChanged()
    {
        var random = new Random(Seed);
        var listen = JsonDocument
            .Parse(
                await BodyOfAsync("POST", "/proxies", $$"""{"name":"datapath","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}""", 201)
            )
            .RootElement.GetProperty("listen")
            .GetString()!;
        var port = int.Parse(listen[(listen.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var done = new CancellationTokenSource();
        var streams = Enumerable.Range(0, 2).Select(i => RoundTripAsync(port, Seed + i)).ToArray();
        var churn = ChurnAsync(random, done.Token);

        var results = await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(60));
        await done.CancelAsync();
        var (added, refused, unexpected) = await churn;

        TestContext.Progress.WriteLine($"toxics added {added}, refused with 400 {refused}; streams {StreamBytes} bytes each");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (sent, received) in results)
            {
                Assert.That(received, Has.Length.EqualTo(sent.Length), "bytes lost");
                Assert.That(SHA256.HashData(received), Is.EqualTo(SHA256.HashData(sent)), "bytes changed");
            }
            Assert.That(unexpected, Is.Empty);
            Assert.That(added, Is.GreaterThan(20), "too few toxics were in force to mean anything");
        }
        AssertNothingLogged();
    }

    private async Task<(int Added, int Refused, List<string> Unexpected)> ChurnAsync(Random random, CancellationToken done)
    {
        int added = 0,
            refused = 0;
        var unexpected = new List<string>();
        var live = new List<string>();
        for (var n = 0; !done.IsCancellationRequested; n++)
        {
            var (type, attribute, values) = Extremes[random.Next(Extremes.Length)];
            var name = $"x{n}";
            var stream = random.Next(2) == 0 ? "upstream" : "downstream";
            var value = values[random.Next(values.Length)];
            var body =
                $$$"""{"name":"{{{name}}}","type":"{{{type}}}","stream":"{{{stream}}}","attributes":{"{{{attribute}}}":{{{value}}}}}""";
            using (var response = await SendAsync("POST", "/proxies/datapath/toxics", body))
            {
                if ((int)response.StatusCode == 200)
                {
                    added++;
                    live.Add(name);
                }
                else if ((int)response.StatusCode == 400)
                    refused++;
                else
                    unexpected.Add(
                        $"{body} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}".Trim()
                    );
            }
            await Task.Delay(random.Next(0, 25), CancellationToken.None);
            // Remove all but a few, oldest first, so toxics overlap and stalls are always released soon.
            while (live.Count > random.Next(0, 3))
            {
                using var removed = await SendAsync("DELETE", $"/proxies/datapath/toxics/{live[0]}");
                if ((int)removed.StatusCode != 204)
                    unexpected.Add($"delete {live[0]} -> {(int)removed.StatusCode}");
                live.RemoveAt(0);
            }
        }
        foreach (var name in live)
            (await SendAsync("DELETE", $"/proxies/datapath/toxics/{name}")).Dispose();
        return (added, refused, unexpected);
    }

    private static async Task<(byte[] Sent, byte[] Received)> RoundTripAsync(int port, int seed)
    {
        var sent = new byte[StreamBytes];
        new Random(seed).NextBytes(sent);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var writer = Task.Run(async () =>
        {
            var pieces = new Random(seed + 1);
            for (var offset = 0; offset < sent.Length; )
            {
                var size = Math.Min(pieces.Next(1, 48 * 1024), sent.Length - offset);
                await stream.WriteAsync(sent.AsMemory(offset, size));
                offset += size;
                // Paced so the stream lasts seconds: long enough for many toxics to come and go mid-stream.
                await Task.Delay(40);
            }
        });
        var received = new byte[StreamBytes];
        for (var got = 0; got < received.Length; )
        {
            var read = await stream.ReadAsync(received.AsMemory(got));
            if (read == 0)
                return (sent, received[..got]);
            got += read;
        }
        await writer;
        return (sent, received);
    }
}

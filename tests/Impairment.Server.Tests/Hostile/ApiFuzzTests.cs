using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Impairment.Server.Tests.Hostile;

/// <summary>
/// Issue 11's bounded fuzz suite: malformed JSON, invalid UTF-8, huge and negative numbers for every attribute of
/// every toxic, hostile names, absurd paths, oversized bodies and slowloris connections, from one seed. Afterwards
/// the server must be alive, must have logged no error, must list exactly the proxies that listen, and its
/// managed heap must be back near where it started.
/// </summary>
[NonParallelizable]
public sealed partial class ApiFuzzTests : HostileApiTestBase
{
    private const int Seed = 20261203;
    private readonly List<string> _failures = [];
    private readonly HashSet<int> _portsSeen = [];
    private FuzzInputs _fuzz = null!;

    [Test]
    public async Task Fuzz_HostileRequests_ServerAliveConsistentAndBackNearBaseline()
    {
        TestContext.Progress.WriteLine($"fuzz seed {Seed}");
        _fuzz = new FuzzInputs(new Random(Seed));
        await BodyOfAsync("POST", "/proxies", $$"""{"name":"fuzz-tcp","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}""", 201);
        await BodyOfAsync(
            "POST",
            "/proxies",
            """{"name":"fuzz-udp","upstream":"127.0.0.1:9","listen":"127.0.0.1:0","protocol":"udp"}""",
            201
        );
        var baseline = ManagedHeap();
        var rssBefore = ResidentBytes();

        var requests = 0;
        await using (new Slowloris(Server.ApiAddress, connections: 40, interval: TimeSpan.FromMilliseconds(50)))
        {
            requests += await EveryAttributeOfEveryToxicAsync("fuzz-tcp", FuzzInputs.TcpToxics, udp: false);
            requests += await EveryAttributeOfEveryToxicAsync("fuzz-udp", FuzzInputs.UdpToxics, udp: true);
            requests += await MangledBodiesAsync(600);
            requests += await HostileNamesAsync(300);
            requests += await AbsurdPathsAsync();
            var big = await BigBodies.SendAsync(Server.ApiAddress, 8);
            Assert.That(big, Has.All.Match("^(HTTP/1.1 413|reset: )"), string.Join(", ", big));
            Assert.That(
                await BodyOfAsync("GET", "/version"),
                Does.Contain("version"),
                "the API must answer while slow clients hold connections"
            );
        }

        var growth = ManagedHeap() - baseline;
        TestContext.Progress.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{requests} requests; managed heap growth {growth / 1e6:F1} MB; RSS {rssBefore / 1e6:F0} MB -> {ResidentBytes() / 1e6:F0} MB"
            )
        );
        Assert.That(_failures, Is.Empty, string.Join("\n", _failures.Take(20)));
        AssertNothingLogged();
        await AssertListedProxiesAreExactlyTheListenersAsync();
        Assert.That(growth, Is.LessThan(48_000_000), "managed heap growth after the fuzz, bytes");
    }

    private async Task<int> EveryAttributeOfEveryToxicAsync(string proxy, (string Type, string[] Attributes)[] toxics, bool udp)
    {
        var listen = ListenOf(await BodyOfAsync("GET", $"/proxies/{proxy}"));
        var count = 0;
        foreach (var (type, attributes) in toxics)
        {
            using var traffic = new Traffic(listen, udp);
            foreach (var attribute in attributes.DefaultIfEmpty("none"))
            {
                foreach (var number in FuzzInputs.Numbers)
                {
                    var stream = _fuzz.Pick(["upstream", "downstream"]);
                    var toxicity = _fuzz.Pick(FuzzInputs.Numbers);
                    var body = $$$"""
                        {"name":"f","type":"{{{type}}}","stream":"{{{stream}}}","toxicity":{{{toxicity}}},"attributes":{"{{{attribute}}}":{{{number}}}}}
                        """;
                    var (status, _) = await SendCheckedAsync("POST", $"/proxies/{proxy}/toxics", body);
                    await traffic.SendAsync();
                    if (status == 200)
                    {
                        var update = $$$"""{"attributes":{"{{{attribute}}}":{{{_fuzz.Pick(FuzzInputs.Numbers)}}}}}""";
                        await SendCheckedAsync("PATCH", $"/proxies/{proxy}/toxics/f", update);
                        await traffic.SendAsync();
                        await SendCheckedAsync("DELETE", $"/proxies/{proxy}/toxics/f", null);
                        count += 2;
                    }
                    count++;
                }
            }
        }
        return count;
    }

    private async Task<int> MangledBodiesAsync(int count)
    {
        (string Method, string Path, string Json)[] templates =
        [
            ("POST", "/proxies", $$"""{"name":"m","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0","enabled":true}"""),
            ("PATCH", "/proxies/fuzz-tcp", """{"enabled":true,"upstream":"127.0.0.1:9"}"""),
            (
                "POST",
                "/proxies/fuzz-tcp/toxics",
                """{"name":"mt","type":"latency","stream":"upstream","toxicity":0.5,"attributes":{"latency":5,"jitter":1}}"""
            ),
            (
                "POST",
                "/populate",
                $$"""[{"name":"mp","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"},{"name":"mq","upstream":"x:1"}]"""
            ),
        ];
        for (var i = 0; i < count; i++)
        {
            var (method, path, json) = _fuzz.Pick(templates);
            await SendCheckedAsync(method, path, _fuzz.Mangle(json));
        }
        // Restore what a mangled-but-valid body may have changed.
        await SendCheckedAsync("PATCH", "/proxies/fuzz-tcp", $$"""{"enabled":true,"upstream":"{{Echo.Address}}"}""");
        return count + 1;
    }

    private async Task<int> HostileNamesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = _fuzz.Name();
            var path = "/proxies/" + Uri.EscapeDataString(name);
            var create = JsonSerializer.Serialize(
                new
                {
                    name,
                    upstream = Echo.Address,
                    listen = "127.0.0.1:0",
                }
            );
            var (status, body) = await SendCheckedAsync("POST", "/proxies", create);
            if (status != 201)
                continue;
            // Whatever was created must be reachable and deletable through its URL, toxic included.
            var toxic = _fuzz.Name();
            var (added, _) = await SendCheckedAsync(
                "POST",
                path + "/toxics",
                JsonSerializer.Serialize(new { name = toxic, type = "noop" })
            );
            if (added == 200)
            {
                Expect(
                    await SendCheckedAsync("DELETE", path + "/toxics/" + Uri.EscapeDataString(toxic), null),
                    204,
                    "delete toxic " + toxic
                );
            }
            Expect(await SendCheckedAsync("GET", path, null), 200, "get " + name);
            Expect(await SendCheckedAsync("DELETE", path, null), 204, "delete " + name);
            _ = body;
        }
        return count * 4;
    }

    private async Task<int> AbsurdPathsAsync()
    {
        string[] paths =
        [
            "/proxies/%2e%2e",
            "/proxies/..%2ftoxics",
            "//proxies",
            "/proxies/a/b/c/d/e",
            "/proxies/%00",
            "/proxies/%ff%fe",
            "/proxies/fuzz-tcp/toxics/%2F",
            "/proxies/" + new string('x', 10_000),
            "/populate?x=" + new string('y', 5000),
            "/%",
        ];
        foreach (var path in paths)
        {
            foreach (var method in new[] { "GET", "POST", "DELETE", "PATCH", "PUT" })
            {
                var response = await RawHttp.ExchangeAsync(Server.ApiAddress, RawHttp.Request(method, path, "{}"u8.ToArray()));
                Check(RawHttp.Status(response), RawHttp.Body(response), $"{method} {path[..Math.Min(40, path.Length)]}");
            }
        }
        return paths.Length * 5;
    }

    private async Task AssertListedProxiesAreExactlyTheListenersAsync()
    {
        using var listed = JsonDocument.Parse(await BodyOfAsync("GET", "/proxies"));
        var listening = new HashSet<int>();
        foreach (var proxy in listed.RootElement.EnumerateObject())
        {
            var p = proxy.Value;
            if (p.TryGetProperty("protocol", out _) || !p.GetProperty("enabled").GetBoolean())
                continue;
            var port = PortOf(p.GetProperty("listen").GetString()!);
            listening.Add(port);
            Assert.That(await AcceptsAsync(port), Is.True, $"listed proxy {proxy.Name} must accept on {port}");
        }
        foreach (var port in _portsSeen.Except(listening).Except([Echo.Port, Server.ApiAddress.Port]))
        {
            Assert.That(await AcceptsAsync(port), Is.False, $"port {port} of a deleted or moved proxy still accepts");
        }
    }

    private async Task<(int Status, string Body)> SendCheckedAsync(string method, string path, object? body)
    {
        var bytes = body switch
        {
            string s => Encoding.UTF8.GetBytes(s),
            byte[] b => b,
            _ => [],
        };
        var (status, text) = await SendBytesAsync(method, path, bytes);
        Check(status, text, $"{method} {path[..Math.Min(60, path.Length)]} {Encoding.UTF8.GetString(bytes[..Math.Min(80, bytes.Length)])}");
        foreach (Match m in ListenPort().Matches(text))
            _portsSeen.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return (status, text);
    }

    // 500 is Toxiproxy's answer for OS errors (bind, resolve), always with a message; anything else >= 500 is a failure.
    private void Check(int status, string body, string what)
    {
        var osError =
            status == 500
            && (body.StartsWith("""{"error":"listen""", StringComparison.Ordinal) || body.Contains("lookup ", StringComparison.Ordinal));
        if (status is 0 or >= 500 && !osError)
            _failures.Add($"{what} -> {status} {body}");
    }

    private void Expect((int Status, string Body) response, int status, string what)
    {
        if (response.Status != status)
            _failures.Add($"{what} -> {response.Status} {response.Body} (expected {status})");
    }

    private static string ListenOf(string proxyJson) => JsonDocument.Parse(proxyJson).RootElement.GetProperty("listen").GetString()!;

    private static int PortOf(string listen) => int.Parse(listen[(listen.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static long ManagedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? 0
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("\"listen\":\"127\\.0\\.0\\.1:(\\d+)\"")]
    private static partial Regex ListenPort();

    /// <summary>A live connection (or UDP session) through the proxy, so toxics with extreme values run on a link.</summary>
    private sealed class Traffic : IDisposable
    {
        private readonly TcpClient? _tcp;
        private readonly UdpClient? _udp;
        private readonly IPEndPoint _target;

        public Traffic(string listen, bool udp)
        {
            _target = new IPEndPoint(IPAddress.Loopback, PortOf(listen));
            if (udp)
            {
                _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                return;
            }
            _tcp = new TcpClient();
            _tcp.Connect(_target);
        }

        public async Task SendAsync()
        {
            var payload = new byte[16];
            try
            {
                if (_udp is not null)
                    await _udp.SendAsync(payload, _target);
                else if (_tcp!.Connected)
                    await _tcp.GetStream().WriteAsync(payload).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or ObjectDisposedException)
            {
                // A toxic may have closed or reset the connection (timeout, reset_peer, limit_data): that is its job.
            }
        }

        public void Dispose()
        {
            _tcp?.Dispose();
            _udp?.Dispose();
        }
    }
}

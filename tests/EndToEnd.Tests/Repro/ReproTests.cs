using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace EndToEnd.Tests.Repro;

/// <summary><c>harness repro</c> through the real CLI and Debian's Chromium: exit codes, a proxy per origin, live toxics.</summary>
[Category("Browser")]
public sealed partial class ReproTests
{
    private const string WebSocketPage = """
        <!doctype html><title>waiting</title>
        <script>
          const ws = new WebSocket('ws://127.0.0.1:{B}/feed');
          ws.onmessage = e => { document.title = 'ws-ok-' + e.data; fetch('/report?title=' + document.title); };
          ws.onerror = () => { document.title = 'ws-failed'; fetch('/report?title=ws-failed'); };
        </script>
        """;

    [Test]
    public async Task Repro_NothingListening_ExitsThreeSayingRefused()
    {
        Chromium.Require();
        var port = UnusedPort.Find();
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "repro",
            $"http://127.0.0.1:{port}/",
            "--headless",
            "--duration",
            "15s",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.EqualTo(3), stdout + stderr);
        Assert.That(stderr, Does.Contain("refused").And.Contain($"127.0.0.1:{port}"));
        FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
    }

    [Test]
    public async Task Repro_PageAnswers404_ExitsOneWithTheStatus()
    {
        Chromium.Require();
        await using var page = new LoopbackPageServer(_ => "<!doctype html><title>gone</title>", status: 404);
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "repro",
            page.Url.ToString(),
            "--headless",
            "--duration",
            "15s",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("HTTP 404"));
        FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
    }

    [Test]
    public async Task Repro_PageThrows_ExitsOneWithTheError()
    {
        Chromium.Require();
        await using var page = new LoopbackPageServer(_ => "<!doctype html><title>broken</title><script>null.x</script>");
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "repro",
            page.Url.ToString(),
            "--headless",
            "--duration",
            "15s",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain("uncaught").And.Contain("reading 'x'"));
        using var results = reports.Results();
        Assert.That(Results.Status(results), Is.EqualTo("failed"), "results.json agrees: the repro's page-error threshold failed");
    }

    [Test]
    public async Task Repro_BrowserCannotStart_ExitsThreeNamingTheExecutable()
    {
        await using var page = new LoopbackPageServer(_ => "<!doctype html><title>fine</title>");
        using var reports = new ReportFolder();
        var environment = new Dictionary<string, string> { ["HARNESS_BROWSER"] = "/bin/false" };

        using var harness = HarnessProcess.Start(
            environment,
            false,
            "repro",
            page.Url.ToString(),
            "--headless",
            "--duration",
            "15s",
            "--report-dir",
            reports.Root
        );
        var code = await harness.WaitForExitAsync();

        Assert.That(code, Is.EqualTo(3), harness.Stdout + harness.Stderr);
        Assert.That(harness.Stderr, Does.Contain("/bin/false").And.Contain("HARNESS_BROWSER").And.Contain("chromium"));
        FailureExitCodeTests.AssertNoStackTrace(harness.Stdout + harness.Stderr);
    }

    [Test]
    public async Task Repro_PageOpensWebSocketToSecondPort_ReachesThatPortsServerThroughItsOwnProxy()
    {
        Chromium.Require();
        await using var feed = new LoopbackWebSocketServer();
        var html = WebSocketPage.Replace("{B}", feed.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var page = new LoopbackPageServer(_ => html);
        using var reports = new ReportFolder();

        var (code, stdout, stderr) = await HarnessProcess.RunAsync(
            "repro",
            page.Url.ToString(),
            "--headless",
            "--duration",
            "15s",
            "--report-dir",
            reports.Root
        );

        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        Assert.That(feed.Upgraded.IsCompleted, Is.True, "the page's WebSocket reached port B's server");
        Assert.That(page.Paths, Does.Contain("/report?title=ws-ok-hello"), "the page saw the server's message");
        Assert.That(OriginLine(stderr, page.Port).Success, Is.True, $"port A has its own proxy: {stderr}");
        Assert.That(OriginLine(stderr, feed.Port).Success, Is.True, $"port B has its own proxy: {stderr}");
        var listenA = OriginLine(stderr, page.Port).Groups["listen"].Value;
        Assert.That(listenA, Is.Not.EqualTo(OriginLine(stderr, feed.Port).Groups["listen"].Value));
    }

    [Test]
    public async Task Repro_InteractiveLatencyLine_IsAppliedToTheLiveProxy()
    {
        Chromium.Require();
        await using var page = new LoopbackPageServer(_ => "<!doctype html><title>fine</title>");
        using var reports = new ReportFolder();
        using var harness = HarnessProcess.Start(
            new Dictionary<string, string>(),
            true,
            "repro",
            page.Url.ToString(),
            "--interactive",
            "--headless",
            "--report-dir",
            reports.Root
        );

        await harness.WaitForOutputAsync("origin 127.0.0.1:" + page.Port.ToString(CultureInfo.InvariantCulture));
        var origin = OriginLine(harness.Stderr, page.Port);
        var api = ApiLine().Match(harness.Stderr);
        Assert.That(api.Success, Is.True, harness.Stderr);
        await harness.Input.WriteLineAsync("latency 300ms");
        await harness.Input.FlushAsync();
        await harness.WaitForOutputAsync("applied: latency 300 ms");

        using var client = new ToxiproxyClient(new Uri(api.Groups["url"].Value));
        var toxics = await client.GetToxicsAsync(origin.Groups["proxy"].Value);
        Assert.That(toxics.Where(t => t.Type == "latency").Sum(t => t.Attributes["latency"]), Is.EqualTo(300));
        var roundTrip = await RoundTripAsync(origin.Groups["listen"].Value);
        Assert.That(roundTrip.TotalMilliseconds, Is.InRange(300, 300 + 2500), "an exchange through the proxy carries the new round trip");

        // Ctrl-C ends an interactive repro normally only once the page has loaded (its "loaded" screenshot exists).
        await WaitForFileAsync(reports.Root, "loaded");
        harness.Signal("INT");
        TestContext.Out.WriteLine($"stdout before Ctrl-C:\n{harness.Stdout}");
        var code = await harness.WaitForExitAsync();
        Assert.That(code, Is.EqualTo(0), harness.Stdout + harness.Stderr);
        FailureExitCodeTests.AssertNoStackTrace(harness.Stdout + harness.Stderr);
    }

    private static async Task WaitForFileAsync(string root, string nameContains)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => Path.GetFileName(f).Contains(nameContains)))
        {
            await Task.Delay(200, bound.Token);
        }
    }

    private static Match OriginLine(string output, int port) =>
        Regex.Match(output, $@"origin 127\.0\.0\.1:{port} -> proxy (?<proxy>\S+) listening on (?<listen>\S+)");

    [GeneratedRegex(@"toxiproxy API (?<url>http://\S+)")]
    private static partial Regex ApiLine();

    private static async Task<TimeSpan> RoundTripAsync(string listen)
    {
        var colon = listen.LastIndexOf(':');
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(listen[..colon], int.Parse(listen[(colon + 1)..], CultureInfo.InvariantCulture));
        var stream = tcp.GetStream();
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /probe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        var buffer = new byte[4096];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await stream.ReadAsync(buffer, bound.Token) > 0) { }
        return Stopwatch.GetElapsedTime(started);
    }
}

using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.TestSupport;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.Http;

public sealed class HttpExpectationTests
{
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LiveRoomServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    /// <summary>Runs the probe until it has made two requests; returns each check's name and its values.</summary>
    private static async Task<(CollectingSink Sink, Dictionary<string, double[]> Checks)> ChecksAsync(HttpProbeOptions options)
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(new HttpProbe(options with { Interval = TimeSpan.FromMilliseconds(20) }));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 2, cts.Token);
        await run.StopAsync(cts.Token);
        var checks = run
            .Sink.Of(MetricNames.Checks)
            .GroupBy(s => s.Tag("check")!)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Value).ToArray());
        return (run.Sink, checks);
    }

    private HttpProbeOptions Options(string path, HttpExpectations expect) =>
        new("http", new Uri(_server.BaseUri, path)) { Expect = expect };

    [Test]
    public async Task BodyContains_PresentAndAbsentTexts_PassAndFailAsData()
    {
        var (sink, checks) = await ChecksAsync(Options("/healthz", new HttpExpectations { BodyContains = ["ok", "nope"] }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(checks["status is 200"], Is.All.EqualTo(1));
            Assert.That(checks["body contains \"ok\""], Is.All.EqualTo(1));
            Assert.That(checks["body contains \"nope\""], Is.All.EqualTo(0));
            Assert.That(
                sink.Of(MetricNames.HttpReqFailed).Select(s => s.Value),
                Is.All.EqualTo(0),
                "a failed check is not a failed request"
            );
        }
    }

    [Test]
    public async Task JsonPathEquals_MatchingAndWrongValues_PassAndFail()
    {
        var expect = new HttpExpectations
        {
            JsonPathEquals = new Dictionary<string, string>
            {
                ["version"] = "1.0.0",
                ["region"] = "mars",
                ["missing.path"] = "x",
            },
        };
        var (_, checks) = await ChecksAsync(Options("/version", expect));

        Assert.That(checks["json version == \"1.0.0\""], Is.All.EqualTo(1));
        Assert.That(checks["json region == \"mars\""], Is.All.EqualTo(0));
        Assert.That(checks["json missing.path == \"x\""], Is.All.EqualTo(0));
    }

    [Test]
    public async Task JsonPathEquals_NumberByValue_Passes()
    {
        var expect = new HttpExpectations
        {
            JsonPathEquals = new Dictionary<string, string> { ["frameRate"] = "20.0", ["members"] = "0" },
        };
        var (_, checks) = await ChecksAsync(Options("/api/rooms/quiet", expect));

        Assert.That(checks.Where(c => c.Key.StartsWith("json", StringComparison.Ordinal)).SelectMany(c => c.Value), Is.All.EqualTo(1));
    }

    [Test]
    public async Task HeaderContains_ContentHeaderAndMissingHeader_PassAndFail()
    {
        var expect = new HttpExpectations
        {
            HeaderContains = new Dictionary<string, string> { ["content-type"] = "application/json", ["X-Missing"] = "" },
        };
        var (sink, checks) = await ChecksAsync(Options("/version", expect));

        Assert.That(checks["header content-type contains \"application/json\""], Is.All.EqualTo(1));
        Assert.That(checks["header X-Missing contains \"\""], Is.All.EqualTo(0));
        Assert.That(sink.Of(MetricNames.HttpReqTlsHandshaking), Is.Empty, "plain http has no TLS phase");
        Assert.That(sink.Of(MetricNames.HttpReqReceiving), Has.Count.EqualTo(sink.Of(MetricNames.HttpReqs).Count));
    }

    [Test]
    public async Task Expectations_RefusedConnection_EveryCheckFails()
    {
        var options = new HttpProbeOptions("http", new Uri($"http://127.0.0.1:{UnusedPort.Find()}/"))
        {
            Expect = new HttpExpectations
            {
                BodyContains = ["ok"],
                HeaderContains = new Dictionary<string, string> { ["Server"] = "" },
            },
        };
        var (_, checks) = await ChecksAsync(options);

        Assert.That(checks.Keys, Has.Count.EqualTo(3));
        Assert.That(checks.Values.SelectMany(v => v), Is.All.EqualTo(0));
    }

    [Test]
    public async Task PostJsonBodyAndHeaders_SentAsGiven()
    {
        await using var echo = new HttpEchoServer();
        var options = new HttpProbeOptions("http", new Uri(echo.BaseUri, "/api"))
        {
            Method = HttpMethod.Post,
            Body = """{"user":{"id":42}}""",
            ContentType = "application/json",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer t0ken" },
            Expect = new HttpExpectations
            {
                JsonPathEquals = new Dictionary<string, string> { ["user.id"] = "42" },
                HeaderContains = new Dictionary<string, string>
                {
                    ["X-Echo-Method"] = "POST",
                    ["Content-Type"] = "application/json",
                    ["X-Echo-Authorization"] = "Bearer t0ken",
                },
            },
        };
        var (_, checks) = await ChecksAsync(options);

        Assert.That(checks, Has.Count.EqualTo(5));
        Assert.That(
            checks.Values.SelectMany(v => v),
            Is.All.EqualTo(1),
            string.Join(", ", checks.Where(c => c.Value.Contains(0)).Select(c => c.Key))
        );
    }
}

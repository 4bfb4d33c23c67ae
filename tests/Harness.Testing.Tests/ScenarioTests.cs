using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Testing.Tests;

/// <summary>Scenarios built in code or read from a file, run by the harness's runner against a loopback HTTP server.</summary>
public sealed class ScenarioTests : ImpairedTest
{
    private HttpEchoServer _upstream = null!;

    [SetUp]
    public void StartUpstream() => _upstream = new HttpEchoServer();

    [TearDown]
    public async Task StopUpstreamAsync() => await _upstream.DisposeAsync();

    private ScenarioBuilder EchoScenario() =>
        new ScenarioBuilder("echo-latency")
            .Seed(7)
            .Target(new Uri("http://echo.test"), "echo.test", "127.0.0.1")
            .Proxy(new ProxyOptions { Name = "edge", Upstream = $"127.0.0.1:{_upstream.BaseUri.Port}" }, "echo.test")
            .Phase("baseline", TimeSpan.FromSeconds(1.5))
            .Phase("degraded", TimeSpan.FromSeconds(1.5), p => p.Toxic("edge", Toxic.Latency(TimeSpan.FromMilliseconds(200))))
            .Http(
                new HttpProbeOptions
                {
                    Name = "api",
                    Url = "/",
                    Every = TimeSpan.FromMilliseconds(100),
                    Timeout = TimeSpan.FromSeconds(2),
                }
            )
            .Threshold("api", "http_req_failed rate == 0%")
            .Threshold("api", "http_req_duration{phase:degraded} p(95) < 2000ms");

    [Test]
    public async Task RunAsync_BuiltScenario_MeasuresTheLatencyOnlyInItsPhase()
    {
        var result = await EchoScenario().Build().RunAsync(RunOptions());

        Assert.That(result, Passes.Thresholds());
        var duration = result.Metric("http_req_duration");
        Assert.That(duration.Phase("baseline").P50, Is.LessThan(100));
        Assert.That(duration.Phase("degraded").P50, Is.InRange(190, 600));
        Assert.That(result, Passes.Threshold("api", "http_req_duration{phase:degraded} med >= 190ms"));
        Assert.That(File.Exists(result.HtmlReport), Is.True);
    }

    [Test]
    public async Task ThresholdAssertions_TooTightForTheLatency_FailWithObservedValueAndReport()
    {
        var result = await EchoScenario()
            .Threshold("api", "http_req_duration{phase:degraded} p(95) < 150ms")
            .Build()
            .RunAsync(RunOptions());

        var declared = Assert.Throws<AssertionException>(() => Assert.That(result, Passes.Thresholds()));
        var afterwards = Assert.Throws<AssertionException>(() =>
            Assert.That(result, Passes.Threshold("http_req_duration{phase:degraded} med < 150ms"))
        );

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(
            declared!.Message,
            Does.Contain("echo-latency: FAILED (exit 1, seed 7)")
                .And.Contain("FAIL  api: http_req_duration{phase:degraded} p(95) < 150ms")
                .And.Contain("pass  api: http_req_failed rate == 0%")
                .And.Contain(result.HtmlReport)
        );
        Assert.That(
            afterwards!.Message,
            Does.Contain("FAIL  api: http_req_duration{phase:degraded} med < 150ms  (med = ").And.Contain("limit < 150ms")
        );
        var notKept = Assert.Throws<ArgumentException>(() => result.Check("http_req_duration p(75) < 1s"));
        Assert.That(notKept!.Message, Does.Contain("keep p(50), p(90), p(95) and p(99), not p(75)"));
    }

    [Test]
    public async Task RunAsync_ScenarioFile_RunsAsTheBuiltOneDoes()
    {
        var directory = Directory.CreateTempSubdirectory("harness-testing-").FullName;
        try
        {
            var path = Path.Combine(directory, "echo.yaml");
            await File.WriteAllTextAsync(path, EchoScenario().ToYaml());

            var result = await ScenarioDefinition.Load(path).RunAsync(RunOptions());

            Assert.That(result, Passes.Thresholds());
            Assert.That(result.Metric("api", "http_req_duration").Phase("degraded").P50, Is.InRange(190, 600));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Build_UnknownMetric_ThrowsWithLocationAndYaml()
    {
        var builder = EchoScenario().Threshold("api", "http_req_duraton p(95) < 1s");

        var error = Assert.Throws<ScenarioInvalidException>(() => builder.Build());

        Assert.That(error!.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Problems[0], Does.Match(@"^echo-latency\.yaml:\d+:\d+: .*unknown metric 'http_req_duraton'"));
        Assert.That(error.Message, Does.Contain("its YAML:").And.Contain("http_req_duraton p(95) < 1s"));
    }

    [Test]
    public void Build_TimelineWithEvents_LoadsToTheSameModelAsTheBuilder()
    {
        var timeline = new Timeline().Phase("lb-flip", TimeSpan.FromSeconds(10), p =>
            p.Toxic("edge", Toxic.Latency(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(10)) with { Name = "lag" })
                .Toxic("edge", Toxic.Bandwidth(500).Upstream())
                .ResetConnections("edge", TimeSpan.FromSeconds(2))
                .Disable("edge", TimeSpan.FromSeconds(5))
                .Enable("edge", TimeSpan.FromSeconds(6))
                .Flap("edge", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(7))
                .Ramp("edge", "lag", "latency", 50, 1000, TimeSpan.FromSeconds(3))
        );

        var loaded = EchoScenario().Timeline(timeline).Build().Scenarios[0].Timeline[^1];
        var built = timeline.ToSpecs()[0];

        Assert.That(loaded.Duration, Is.EqualTo(built.Duration));
        Assert.That(loaded.Toxics.Select(Describe), Is.EqualTo(built.Toxics.Select(Describe)));
        Assert.That(loaded.Events, Is.EqualTo(built.Events));
    }

    [Test]
    public async Task RunAsync_ToxiproxyOnAnotherHost_IsRefusedBeforeAnythingStarts()
    {
        var scenario = EchoScenario().Build();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            scenario.RunAsync(new ScenarioRunOptions { Toxiproxy = new Uri("http://toxiproxy.example:8474") })
        );

        Assert.That(error!.Message, Does.Contain("host 'toxiproxy.example' is neither loopback nor in target.allow_hosts of echo-latency"));
    }

    [Test]
    public void Load_ShippedSmokeScenario_HasItsProbes()
    {
        var scenario = ScenarioDefinition.Load(Path.Combine(RepositoryPaths.Root, "scenarios", "smoke.yaml"));

        Assert.That(scenario.Name, Is.EqualTo("smoke"));
        Assert.That(scenario.Scenarios[0].Probes.Select(p => p.Name), Is.EqualTo(new[] { "api", "room", "echo" }));
        Assert.That(scenario.Cells, Is.Empty);
    }

    [Test]
    public void Build_AnyProbeFromADictionary_LoadsAsItsYamlWould()
    {
        var steps = new List<object?>
        {
            new Dictionary<string, object?> { ["goto"] = "/" },
            new Dictionary<string, object?> { ["expect_visible"] = "#price" },
        };

        var scenario = EchoScenario()
            .Probe("browser", new Dictionary<string, object?> { ["name"] = "page", ["steps"] = steps })
            .Build()
            .Scenarios[0];

        var browser = scenario.Probes.OfType<BrowserProbeSpec>().Single();
        Assert.That(browser.Name, Is.EqualTo("page"));
        Assert.That(browser.Url, Is.EqualTo(new Uri("http://echo.test/")));
    }

    [Test]
    public async Task RunAsync_MatrixFile_IsRefusedNamingItsCells()
    {
        var matrix = ScenarioDefinition.Load(Path.Combine(RepositoryPaths.Root, "scenarios", "examples", "matrix-networks.yaml"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => matrix.RunAsync());

        Assert.That(matrix.Cells, Has.Count.GreaterThan(1));
        Assert.That(
            error!.Message,
            Does.Contain($"has {matrix.Cells.Count} matrix cells").And.Contain(matrix.Cells[0]).And.Contain("use RunCellsAsync")
        );
    }

    [Test]
    public void Load_IncidentWithVariable_TakesTheOverride()
    {
        var path = Path.Combine(RepositoryPaths.Root, "scenarios", "incidents", "01-echo.yaml");

        var on = ScenarioDefinition.Load(path, new Dictionary<string, string> { ["bug"] = "on" });
        var off = ScenarioDefinition.Load(path, new Dictionary<string, string> { ["bug"] = "off" });
        var undeclared = Assert.Throws<ScenarioInvalidException>(() =>
            ScenarioDefinition.Load(path, new Dictionary<string, string> { ["bugs"] = "off" })
        );

        Assert.That(off.ResolvedYaml, Is.Not.EqualTo(on.ResolvedYaml));
        Assert.That(undeclared!.Problems, Is.Not.Empty);
    }

    private static string Describe(ToxicSpec t) =>
        $"{t.Proxy}/{t.Name} {t.Type} {t.Stream} {t.Toxicity} "
        + string.Join(",", t.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"));
}

using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using LiveRoom;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

/// <summary>
/// One LiveRoom and one browser pool for a fixture: browsers launched by the first test are reused by the
/// rest (one per distinct route set). LiveRoom is reached as http://liveroom.test/ through host routes.
/// </summary>
public abstract class BrowserFixture
{
    protected const string Host = "liveroom.test";
    protected static readonly Uri BaseUrl = new($"http://{Host}/");

    protected LiveRoomServer Server { get; private set; } = null!;

    protected BrowserPool Pool { get; private set; } = null!;

    protected string Artifacts { get; private set; } = null!;

    protected HostRoutes Routes => ProbeRun.Route(Host, Server.BaseUri);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Harness.TestSupport.Chromium.Require();
        Server = await LiveRoomServer.StartAsync();
        Pool = new BrowserPool();
        Artifacts = Path.Combine(Path.GetTempPath(), "harness-browser-tests", Guid.NewGuid().ToString("N"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Pool.DisposeAsync();
        await Server.DisposeAsync();
        if (Directory.Exists(Artifacts))
            Directory.Delete(Artifacts, recursive: true);
    }

    protected BrowserProbeOptions Options(params BrowserStep[] steps) =>
        new("join", BaseUrl)
        {
            Steps = steps,
            ArtifactsDirectory = Artifacts,
            StepTimeout = TimeSpan.FromSeconds(10),
        };

    /// <summary>Runs a probe that has no Every to its end (bounded), with LiveRoom's host routed.</summary>
    private protected async Task<(BrowserProbe Probe, CollectingSink Sink)> RunOnceAsync(
        BrowserProbeOptions options,
        HostRoutes? routes = null
    )
    {
        using var cts = Timeouts.Bounded(60);
        var probe = new BrowserProbe(options, Pool);
        await using var run = ProbeRun.Start(probe, routes ?? Routes);
        await run.Task.WaitAsync(cts.Token);
        return (probe, run.Sink);
    }
}

using Harness.Cli;
using Harness.Impairment.Server;
using Harness.Orchestration;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace Harness.Tests.Orchestration;

/// <summary>
/// An external Toxiproxy API that is not up yet (a container starting beside the harness): the harness retries with
/// backoff for a bounded, configurable time and says so, instead of failing at the first refused connection.
/// </summary>
[NonParallelizable]
public sealed class ToxiproxyStartupTests
{
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(1.5);

    private static async Task<EmbeddedToxiproxy> ListenLateAsync(int port)
    {
        await Task.Delay(Late);
        return await EmbeddedToxiproxy.StartAsync(new ToxiproxyServerOptions { Host = "127.0.0.1", Port = port });
    }

    [Test]
    public async Task ApiThatStartsListeningLate_IsWaitedFor_AndTheWaitIsSaid()
    {
        var port = UnusedPort.Find();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var client = new ToxiproxyClient(url);
        var said = new List<string>();

        var waiting = ToxiproxyStartup.WaitForVersionAsync(
            client,
            url,
            TimeSpan.FromSeconds(60),
            TimeProvider.System,
            said.Add,
            CancellationToken.None
        );
        await using var server = await ListenLateAsync(port);
        var version = await waiting;

        Assert.That(version, Is.Not.Empty);
        Assert.That(said, Has.Count.EqualTo(2), string.Join("\n", said));
        Assert.That(
            said[0],
            Does.StartWith($"toxiproxy: the API at {url} is not answering yet (")
                .And.EndWith("); retrying for up to 60 s (--toxiproxy-wait)")
        );
        Assert.That(said[1], Does.Match(@"^toxiproxy: the API at .* answered after [0-9]+ attempts \([0-9.]+ s\)$"));
    }

    [Test]
    public async Task ApiThatNeverAnswers_GivesUpAfterTheWait_WithTheAttempts()
    {
        var url = new Uri($"http://127.0.0.1:{UnusedPort.Find()}");
        using var client = new ToxiproxyClient(url);
        var said = new List<string>();
        var started = TimeProvider.System.GetTimestamp();

        var error = await Assert.ThrowsAsync<InfrastructureException>(() =>
            ToxiproxyStartup.WaitForVersionAsync(
                client,
                url,
                TimeSpan.FromSeconds(1),
                TimeProvider.System,
                said.Add,
                CancellationToken.None
            )
        );

        Assert.That(
            error!.Message,
            Does.Match(@"^the Toxiproxy API at .* is not usable after [3-9] attempts in [0-9.]+ s \(--toxiproxy-wait 1 s\): ")
        );
        Assert.That(
            TimeProvider.System.GetElapsedTime(started),
            Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)),
            "it kept trying for the whole wait"
        );
        Assert.That(said, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ZeroWait_TriesOnce_AndSaysNothing()
    {
        var url = new Uri($"http://127.0.0.1:{UnusedPort.Find()}");
        using var client = new ToxiproxyClient(url);
        var said = new List<string>();

        var error = await Assert.ThrowsAsync<InfrastructureException>(() =>
            ToxiproxyStartup.WaitForVersionAsync(client, url, TimeSpan.Zero, TimeProvider.System, said.Add, CancellationToken.None)
        );

        Assert.That(error!.Message, Does.StartWith($"the Toxiproxy API at {url} is not usable: "));
        Assert.That(said, Is.Empty);
    }

    [Test]
    public void WaitOption_ParsesDurations_AndNamesAWrongOne()
    {
        var errors = new List<string>();

        Assert.That(ToxiproxyWaitOption.Parse(null, errors), Is.EqualTo(RunOptions.DefaultToxiproxyWait));
        Assert.That(ToxiproxyWaitOption.Parse("0s", errors), Is.EqualTo(TimeSpan.Zero));
        Assert.That(ToxiproxyWaitOption.Parse("90s", errors), Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(errors, Is.Empty);
        Assert.That(ToxiproxyWaitOption.Parse("soon", errors), Is.Null);
        Assert.That(errors, Is.EqualTo(new[] { "--toxiproxy-wait 'soon' is not a duration (e.g. 30s, 2m; 0s tries once)" }));
    }

    [Test]
    public async Task Run_WithAToxiproxyThatStartsLate_Passes()
    {
        var root = Directory.CreateTempSubdirectory("toxiproxy-late-");
        try
        {
            await using var target = new HttpEchoServer();
            var file = Path.Combine(root.FullName, "late.yaml");
            await File.WriteAllTextAsync(
                file,
                $$"""
                name: late
                target: { base_url: "http://app.test", allow_hosts: [app.test, 127.0.0.1] }
                network:
                  proxies: [ { name: edge, upstream: "127.0.0.1:{{target.BaseUri.Port}}", hosts: [app.test] } ]
                timeline: [ { phase: a, duration: 1s } ]
                probes: [ { http: { name: api, url: /, every: 250ms } } ]
                thresholds: { api: [ "http_req_failed rate == 0" ] }
                """
            );
            var port = UnusedPort.Find();
            var api = new Uri($"http://127.0.0.1:{port}");
            var options = new RunOptions(Path.Combine(root.FullName, "reports"), 1, api, "harness run late.yaml")
            {
                ToxiproxyWait = TimeSpan.FromSeconds(60),
            };
            var (stdout, stderr) = (new StringWriter(), new StringWriter());

            var output = new ConsoleOutput(TimeProvider.System, stdout, stderr);
            var running = RunCommand.ExecuteAsync([file], options, new Dictionary<string, string>(), output, CancellationToken.None);
            await using var server = await ListenLateAsync(port);
            var code = await running;

            Assert.That(code, Is.EqualTo(ExitCodes.Passed), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(stderr.ToString(), Does.Contain("is not answering yet"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}

using System.Net;
using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.TestSupport;
using LiveRoom;
using LiveRoom.Incidents.GrayRelease;
using Probes.Tests.Support;

namespace Probes.Tests.Http;

/// <summary><c>FollowRedirects</c>: a same-origin redirect is one more round trip inside one measured request.</summary>
public sealed class FollowRedirectsTests
{
    private LiveRoomServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _server = await LiveRoomServer.StartAsync(o =>
            o with
            {
                GrayRelease = new GrayReleaseOptions { Build = ReleaseBuild.B, JoinRegression = BugSwitch.On },
            }
        );

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private async Task<CollectingSink> RunAsync(bool follow)
    {
        using var cts = Timeouts.Bounded();
        var options = new HttpProbeOptions("join", new Uri(_server.BaseUri, "/api/rooms/7/join"))
        {
            Interval = TimeSpan.FromMilliseconds(20),
            FollowRedirects = follow,
        };
        await using var run = ProbeRun.Start(new HttpProbe(options));
        await run.Sink.WaitForAsync(MetricNames.HttpReqs, 2, cts.Token);
        await run.StopAsync(cts.Token);
        return run.Sink;
    }

    [Test]
    public async Task Probe_FollowingRedirects_MeasuresTheRedirectedJoinAsOneSuccessfulRequest()
    {
        var sink = await RunAsync(follow: true);

        Assert.That(sink.Of(MetricNames.HttpReqFailed).Select(s => s.Value), Is.All.EqualTo(0));
        Assert.That(sink.Of(MetricNames.HttpReqs).Select(s => s.Tag("status")), Is.All.EqualTo("200"));
    }

    [Test]
    public async Task Probe_NotFollowingRedirects_JudgesTheRedirectItself()
    {
        var sink = await RunAsync(follow: false);

        Assert.That(sink.Of(MetricNames.HttpReqFailed).Select(s => s.Value), Is.All.EqualTo(1));
        Assert.That(sink.Of(MetricNames.HttpReqs).Select(s => s.Tag("status")), Is.All.EqualTo("307"));
    }

    [Test]
    public async Task Handler_RedirectToAnotherOrigin_IsNotFollowed()
    {
        using var inner = new Redirecting(new Uri("http://elsewhere.test/next"));
        using var invoker = new HttpMessageInvoker(new SameOriginRedirects(inner));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://target.test/start");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(inner.Requests, Is.EqualTo(new[] { "http://target.test/start" }));
    }

    [Test]
    public async Task Handler_EndlessSameOriginRedirects_StopsAfterTheLimit()
    {
        using var inner = new Redirecting(new Uri("/again", UriKind.Relative));
        using var invoker = new HttpMessageInvoker(new SameOriginRedirects(inner));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://target.test/start");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(inner.Requests, Has.Count.EqualTo(SameOriginRedirects.MaxHops + 1));
    }

    private sealed class Redirecting(Uri location) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!.ToString());
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = location;
            return Task.FromResult(response);
        }
    }
}

using Harness.Probes.Abstractions;
using Harness.Probes.Http;
using Harness.Probes.WebSockets;
using Harness.TestSupport;
using Probes.Tests.Support;

namespace Probes.Tests.Internal;

/// <summary>
/// Every failed exchange carries an <c>error</c> tag with its class, and reaches the error sink with a message;
/// each class is produced by a real socket on 127.0.0.1 doing that thing.
/// </summary>
public sealed class ErrorClassificationTests
{
    private static HttpProbe Http(int port, TimeSpan? timeout = null) =>
        new(
            new HttpProbeOptions("api", new Uri($"http://127.0.0.1:{port}/"))
            {
                Interval = TimeSpan.FromMilliseconds(20),
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            }
        );

    private static WebSocketProbe WebSocket(int port) => new(new WebSocketProbeOptions("ws", new Uri($"ws://127.0.0.1:{port}/ws")));

    private static async Task<ProbeRun> HttpFailuresAsync(HttpProbe probe, int count = 2)
    {
        using var cts = Timeouts.Bounded();
        var run = ProbeRun.Start(probe);
        await run.Sink.WaitForAsync(MetricNames.HttpReqFailed, count, cts.Token);
        await run.StopAsync(cts.Token);
        return run;
    }

    private static void AssertHttpClass(ProbeRun run, string errorClass, string messagePart)
    {
        var failed = run.Sink.Of(MetricNames.HttpReqFailed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Select(s => s.Tag("error")), Is.All.EqualTo(errorClass));
            Assert.That(failed.Select(s => s.Tag("expected_response")), Is.All.EqualTo("false"));
            Assert.That(run.Sink.Of(MetricNames.HttpReqDuration).Select(s => s.Tag("error")), Is.All.EqualTo(errorClass));
            var errors = run.Errors.All;
            Assert.That(errors, Has.Count.EqualTo(failed.Count), "one error per failed request");
            Assert.That(errors.Select(e => (e.Metric, e.Class)), Is.All.EqualTo((MetricNames.HttpReqFailed, errorClass)));
            Assert.That(errors.Select(e => e.Message), Is.All.Contain(messagePart));
            Assert.That(errors.Select(e => e.Tags.Phase), Is.All.EqualTo("warmup"));
        }
    }

    [Test]
    public async Task Http_NothingListening_Refused()
    {
        await using var run = await HttpFailuresAsync(Http(UnusedPort.Find()));

        AssertHttpClass(run, "refused", "refused");
    }

    [Test]
    public async Task Http_ServerResetsWithLingerZero_Reset()
    {
        await using var server = new TcpFaultServer(TcpFault.Reset);
        await using var run = await HttpFailuresAsync(Http(server.Port));

        AssertHttpClass(run, "reset", "");
    }

    [Test]
    public async Task Http_ServerNeverAnswers_Timeout()
    {
        await using var server = new TcpFaultServer(TcpFault.Stall);
        await using var run = await HttpFailuresAsync(Http(server.Port, TimeSpan.FromMilliseconds(200)), 1);

        AssertHttpClass(run, "timeout", "no complete response within 0.2 s");
    }

    [Test]
    public async Task Http_Status503_Status503WithReasonPhrase()
    {
        await using var server = ScriptedServer.Status(503);
        await using var run = await HttpFailuresAsync(Http(server.Port));

        AssertHttpClass(run, "status_503", "HTTP 503 Service Unavailable");
    }

    [Test]
    public async Task Http_ExpectedResponse_TaggedTrueWithoutErrorTag()
    {
        await using var server = ScriptedServer.Status(200);
        await using var run = await HttpFailuresAsync(Http(server.Port));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Sink.Of(MetricNames.HttpReqDuration).Select(s => s.Tag("expected_response")), Is.All.EqualTo("true"));
            Assert.That(run.Sink.All.Select(s => s.Tag("error")), Is.All.Null);
            Assert.That(run.Errors.All, Is.Empty);
        }
    }

    [Test]
    public async Task WebSocket_HandshakeAnswered503_Handshake503()
    {
        using var cts = Timeouts.Bounded();
        await using var server = ScriptedServer.Status(503);
        await using var run = ProbeRun.Start(WebSocket(server.Port));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        var failed = run.Sink.Of(MetricNames.WsHandshakeFailed).Single();
        var error = run.Errors.All.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((failed.Tag("error"), failed.Tag("status")), Is.EqualTo(("handshake_503", "503")));
            Assert.That(
                (error.Metric, error.Class, error.Message),
                Is.EqualTo((MetricNames.WsHandshakeFailed, "handshake_503", "HTTP 503 Service Unavailable"))
            );
        }
    }

    [Test]
    public async Task WebSocket_NothingListening_HandshakeRefused()
    {
        using var cts = Timeouts.Bounded();
        await using var run = ProbeRun.Start(WebSocket(UnusedPort.Find()));
        await run.Sink.WaitForAsync(MetricNames.WsHandshakeFailed, 1, cts.Token);
        await run.StopAsync(cts.Token);

        Assert.That(run.Sink.Of(MetricNames.WsHandshakeFailed).Single().Tag("error"), Is.EqualTo("refused"));
        Assert.That(run.Errors.All.Single().Message, Does.Contain("refused"));
    }

    [Test]
    public async Task WebSocket_ServerClosesWith4504_Closed4504WithReason()
    {
        using var cts = Timeouts.Bounded();
        await using var server = ScriptedServer.WebSocketClose(4504, "upstream gone");
        await using var run = ProbeRun.Start(WebSocket(server.Port));
        await run.Sink.WaitForAsync(MetricNames.WsDisconnects, 1, cts.Token);
        await run.StopAsync(cts.Token);

        var disconnect = run.Sink.Of(MetricNames.WsDisconnects).Single();
        var error = run.Errors.All.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((disconnect.Tag("cause"), disconnect.Tag("error")), Is.EqualTo(("4504", "closed_4504")));
            Assert.That(
                (error.Metric, error.Class, error.Message),
                Is.EqualTo((MetricNames.WsDisconnects, "closed_4504", "closed 4504 'upstream gone'"))
            );
        }
    }
}

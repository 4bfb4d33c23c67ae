using Harness.Probes.Http;
using Harness.Probes.WebSockets;

namespace Probes.Tests;

public sealed class OptionsValidationTests
{
    private static readonly Uri Http = new("http://127.0.0.1/");
    private static readonly Uri Ws = new("ws://127.0.0.1/");

    private static IEnumerable<TestCaseData> InvalidHttp()
    {
        yield return new TestCaseData(new HttpProbeOptions("h", Ws)).SetName("HttpProbe_WsUrl_Throws");
        yield return new TestCaseData(new HttpProbeOptions("", Http)).SetName("HttpProbe_EmptyName_Throws");
        yield return new TestCaseData(new HttpProbeOptions("h", Http) { Interval = TimeSpan.Zero }).SetName(
            "HttpProbe_ZeroInterval_Throws"
        );
        yield return new TestCaseData(new HttpProbeOptions("h", Http) { ExpectedStatus = 42 }).SetName("HttpProbe_BadStatus_Throws");
    }

    private static IEnumerable<TestCaseData> InvalidWebSocket()
    {
        yield return new TestCaseData(new WebSocketProbeOptions("w", Http)).SetName("WebSocketProbe_HttpUrl_Throws");
        yield return new TestCaseData(new WebSocketProbeOptions("w", Ws) { Clients = 0 }).SetName("WebSocketProbe_NoClients_Throws");
        yield return new TestCaseData(new WebSocketProbeOptions("w", Ws) { ReconnectDelay = TimeSpan.FromSeconds(-1) }).SetName(
            "WebSocketProbe_NegativeReconnectDelay_Throws"
        );
        yield return new TestCaseData(new WebSocketProbeOptions("w", Ws) { Echo = new WebSocketEchoOptions { PayloadBytes = 0 } }).SetName(
            "WebSocketProbe_EmptyEchoPayload_Throws"
        );
        yield return new TestCaseData(new WebSocketProbeOptions("w", Ws) { MaxMessageBytes = 0 }).SetName(
            "WebSocketProbe_ZeroMaxMessageBytes_Throws"
        );
        yield return new TestCaseData(new WebSocketProbeOptions("w", Ws) { MaxMessageBytes = -1 }).SetName(
            "WebSocketProbe_NegativeMaxMessageBytes_Throws"
        );
    }

    [TestCaseSource(nameof(InvalidHttp))]
    public void HttpProbe_InvalidOptions_Throws(HttpProbeOptions options) =>
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new HttpProbe(options));

    [TestCaseSource(nameof(InvalidWebSocket))]
    public void WebSocketProbe_InvalidOptions_Throws(WebSocketProbeOptions options) =>
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new WebSocketProbe(options));

    [Test]
    public void Defaults_AreDocumentedValues()
    {
        var http = new HttpProbeOptions("h", Http);
        var ws = new WebSocketProbeOptions("w", Ws);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                (http.Interval, http.ExpectedStatus, http.Timeout, http.Method),
                Is.EqualTo((TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(10), HttpMethod.Get))
            );
            Assert.That(
                (ws.Clients, ws.ConnectTimeout, ws.ReconnectDelay, ws.Stream, ws.Echo),
                Is.EqualTo((1, TimeSpan.FromSeconds(10), (TimeSpan?)null, (WebSocketStreamCheck?)null, (WebSocketEchoOptions?)null))
            );
            Assert.That(ws.MaxMessageBytes, Is.EqualTo(1024 * 1024), "1 MiB, as docs/scenarios.md says");
            Assert.That(new WebSocketStreamCheck(), Is.EqualTo(new WebSocketStreamCheck { SequenceField = "seq", TimestampField = "ts" }));
            Assert.That(
                new WebSocketEchoOptions(),
                Is.EqualTo(new WebSocketEchoOptions { Interval = TimeSpan.FromSeconds(1), PayloadBytes = 32 })
            );
        }
    }

    [Test]
    public void WebSocketProbe_SeveralMistakes_AllReportedAtOnce()
    {
        var options = new WebSocketProbeOptions("w", Ws)
        {
            Clients = 0,
            RampDuration = TimeSpan.FromSeconds(-1),
            Reconnect = new WebSocketReconnectOptions
            {
                Delay = TimeSpan.FromSeconds(5),
                MaxDelay = TimeSpan.FromSeconds(1),
                Multiplier = 0.5,
            },
            Stream = new WebSocketStreamCheck { SequenceField = "data..seq" },
        };

        var ex = Assert.Throws<ArgumentException>(() => _ = new WebSocketProbe(options));
        Assert.That(ex.Message.Split(Environment.NewLine), Has.Length.EqualTo(5));
    }

    [Test]
    public void HttpProbe_BadContentTypeAndJsonPath_BothReported()
    {
        var options = new HttpProbeOptions("h", Http)
        {
            ContentType = "not a type",
            Expect = new HttpExpectations { JsonPathEquals = new Dictionary<string, string> { ["a..b"] = "1" } },
        };

        var ex = Assert.Throws<ArgumentException>(() => _ = new HttpProbe(options));
        Assert.That(ex.Message, Does.Contain("ContentType").And.Contain("a..b"));
    }
}

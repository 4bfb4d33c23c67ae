using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary>
/// The HTTP and WebSocket probes' request keys (headers, body, bearer token, query, subprotocols) and response
/// checks (body text, JSON paths, headers): the probes have had them; the language must accept and pass them on.
/// </summary>
public sealed class RequestKeysLoadingTests
{
    private static LoadResult Load(string probes) =>
        ScenarioLoader.LoadText(
            $$"""
            name: k
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 5s } ]
            probes:
            {{probes}}
            """,
            "/tmp/k.yaml",
            "k.yaml"
        );

    [Test]
    public void HttpProbe_HeadersBodyAuthAndChecks_AreRead()
    {
        var result = Load(
            """
              - http:
                  name: api
                  url: /api/join
                  method: POST
                  headers: { X-Client-Version: "2.3", Accept: application/json }
                  bearer_token: secret-token
                  body: '{"room": 1}'
                  content_type: application/json
                  expect:
                    body_contains: [joined]
                    json: { room.id: 1, ok: true }
                    headers: { Content-Type: json }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var http = (HttpProbeSpec)result.Scenario!.Probes[0];
        Assert.That(
            http.Request.Headers,
            Is.EqualTo(new Dictionary<string, string> { ["X-Client-Version"] = "2.3", ["Accept"] = "application/json" })
        );
        Assert.That(http.Request.BearerToken, Is.EqualTo("secret-token"));
        Assert.That(http.Request.Body, Is.EqualTo("{\"room\": 1}"));
        Assert.That(http.Request.ContentType, Is.EqualTo("application/json"));
        Assert.That(http.Request.Expect!.BodyContains, Is.EqualTo(new[] { "joined" }));
        Assert.That(http.Request.Expect.JsonPathEquals, Is.EqualTo(new Dictionary<string, string> { ["room.id"] = "1", ["ok"] = "true" }));
        Assert.That(http.Request.Expect.HeaderContains, Is.EqualTo(new Dictionary<string, string> { ["Content-Type"] = "json" }));
    }

    [Test]
    public void WebSocketProbe_HandshakeKeys_AreRead()
    {
        var result = Load(
            """
              - websocket:
                  name: room
                  url: /ws/room/1
                  headers: { X-Client-Version: "2.3" }
                  query: { client_version: "2.3", token: a b }
                  subprotocols: [audio.v2, audio.v1]
                  bearer_token: t0k
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        var ws = (WebSocketProbeSpec)result.Scenario!.Probes[0];
        Assert.That(ws.Url, Is.EqualTo(new Uri("ws://app.test/ws/room/1?client_version=2.3&token=a%20b")));
        Assert.That(ws.Handshake.Headers, Is.EqualTo(new Dictionary<string, string> { ["X-Client-Version"] = "2.3" }));
        Assert.That(ws.Handshake.Subprotocols, Is.EqualTo(new[] { "audio.v2", "audio.v1" }));
        Assert.That(ws.Handshake.BearerToken, Is.EqualTo("t0k"));
    }

    [TestCase("  - http: { name: a, url: /, headers: [x] }", "headers must be a mapping of header names to values")]
    [TestCase("  - http: { name: a, url: /, content_type: \"not a type\" }", "content_type 'not a type' is not a media type")]
    [TestCase("  - http: { name: a, url: /, expect: { jsn: { a: 1 } } }", "unknown key 'jsn' (did you mean 'json'?)")]
    [TestCase("  - http: { name: a, url: /, expect: { json: { \"a..b\": 1 } } }", "json path 'a..b' is not a dotted path")]
    [TestCase("  - http: { name: a, url: /, method: GET, body: x }", "body needs a method that sends one")]
    [TestCase("  - websocket: { name: w, url: /ws, subprotocols: [\"a b\"] }", "subprotocol 'a b' is not a token")]
    [TestCase("  - websocket: { name: w, url: /ws, headers: { \"Bad Name\": x } }", "header name 'Bad Name' is not a token")]
    public void Invalid_ReportsLocatedError(string probes, string expected)
    {
        var result = Load(probes);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^k\.yaml:\d+:\d+: "));
    }
}

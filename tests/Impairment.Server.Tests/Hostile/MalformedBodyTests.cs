using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>
/// Issue 11 item 2: invalid UTF-8 in any JSON string, a lone surrogate escape, an absurd chunk size or number is a
/// 400 with a message, never a 500 and never a logged exception.
/// </summary>
public sealed class MalformedBodyTests : HostileApiTestBase
{
    private string _proxy = "";

    [OneTimeSetUp]
    public async Task CreateTarget()
    {
        _proxy = await CreateProxyAsync("utf8target");
        using var toxic = await SendAsync(
            "POST",
            $"/proxies/{_proxy}/toxics",
            """{"name":"lat","type":"latency","attributes":{"latency":1}}"""
        );
        Assert.That((int)toxic.StatusCode, Is.EqualTo(200));
    }

    // Each body has one string with the marker @ where an invalid byte goes.
    [TestCase("POST", "/proxies", """{"name":"a@b","upstream":"127.0.0.1:1"}""")]
    [TestCase("POST", "/proxies", """{"name":"ok1","upstream":"127.0.0.1:1@"}""")]
    [TestCase("POST", "/proxies", """{"name":"ok2","upstream":"127.0.0.1:1","listen":"127.0.0.1:@0"}""")]
    [TestCase("POST", "/proxies", """{"name":"ok3","upstream":"127.0.0.1:1","protocol":"t@cp"}""")]
    [TestCase("POST", "/proxies", """{"na@me":"ok4","upstream":"127.0.0.1:1"}""")]
    [TestCase("POST", "/proxies", """{"name":"ok5","upstream":"127.0.0.1:1","extra":"@"}""")]
    [TestCase("PATCH", "/proxies/utf8target", """{"listen":"@"}""")]
    [TestCase("PATCH", "/proxies/utf8target", """{"upstream":"x@:1"}""")]
    [TestCase("PATCH", "/proxies/utf8target", """{"name":"@"}""")]
    [TestCase("POST", "/proxies/utf8target/toxics", """{"name":"t@","type":"latency"}""")]
    [TestCase("POST", "/proxies/utf8target/toxics", """{"type":"lat@ency"}""")]
    [TestCase("POST", "/proxies/utf8target/toxics", """{"type":"latency","stream":"up@stream"}""")]
    [TestCase("POST", "/proxies/utf8target/toxics", """{"type":"latency","name":"t2","attributes":{"late@ncy":1}}""")]
    [TestCase("PATCH", "/proxies/utf8target/toxics/lat", """{"attributes":{"@":1}}""")]
    [TestCase("PATCH", "/proxies/utf8target/toxics/lat", """{"toxicity":1,"x":"@"}""")]
    [TestCase("POST", "/populate", """[{"name":"p@","upstream":"127.0.0.1:1"}]""")]
    [TestCase("POST", "/populate", """[{"name":"pp","upstream":"127.0.0.1:1@"}]""")]
    [TestCase("POST", "/populate", """[{"name":"pq","upstream":"127.0.0.1:1","listen":"@"}]""")]
    public async Task InvalidUtf8InAnyString_Returns400WithMessage(string method, string path, string json)
    {
        foreach (var bad in new byte[] { 0xFF, 0xC3, 0x80, 0xED })
        {
            var (status, body) = await SendBytesAsync(method, path, Utf8WithByte(json, "@", bad));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(status, Is.EqualTo(400), body);
                Assert.That(body, Does.StartWith("""{"error":"bad request body: invalid UTF-8 in a JSON string at byte """));
            }
        }
        AssertNothingLogged();
    }

    [TestCase("POST", "/proxies", """{"name":"\ud800","upstream":"127.0.0.1:1"}""")]
    [TestCase("POST", "/proxies", """{"name":"x\udc00y","upstream":"127.0.0.1:1"}""")]
    [TestCase("POST", "/proxies", """{"name":"ok6","upstream":"127.0.0.1:1","x\ud800":1}""")]
    [TestCase("POST", "/proxies/utf8target/toxics", """{"type":"latency","name":"\ud800\ud800"}""")]
    [TestCase("POST", "/populate", """[{"name":"\udbff","upstream":"127.0.0.1:1"}]""")]
    public async Task LoneSurrogateEscape_Returns400WithMessage(string method, string path, string json)
    {
        var (status, body) = await SendBytesAsync(method, path, Encoding.UTF8.GetBytes(json));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400), body);
            Assert.That(
                body,
                Does.StartWith("""{"error":"bad request body: a JSON string at byte """).And.Contain("lone surrogate escape")
            );
        }
        AssertNothingLogged();
    }

    [TestCase("ffffffffffffffffff")]
    [TestCase("zz")]
    [TestCase("-1")]
    public async Task BadChunkSize_Returns400WithMessage(string size)
    {
        var request = RawHttp.Request(
            "POST",
            "/proxies",
            Encoding.ASCII.GetBytes($"{size}\r\n{{}}\r\n0\r\n\r\n"),
            "Transfer-Encoding: chunked"
        );
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, request);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RawHttp.Status(response), Is.EqualTo(400), response);
            Assert.That(RawHttp.Body(response), Does.StartWith("""{"error":"bad request body: """));
        }
        AssertNothingLogged();
    }

    [TestCase("""{"type":"bandwidth","name":"b1","attributes":{"rate":1e400}}""", "BandwidthToxic.attributes.rate of type int64")]
    [TestCase("""{"type":"bandwidth","name":"b2","attributes":{"rate":-1e400}}""", "BandwidthToxic.attributes.rate of type int64")]
    [TestCase("""{"type":"latency","name":"l1","toxicity":1e400}""", "ToxicWrapper.toxicity of type float32")]
    [TestCase(
        """{"type":"latency","name":"l2","attributes":{"latency":99999999999999999999999}}""",
        "LatencyToxic.attributes.latency of type int64"
    )]
    public async Task HugeNumber_Returns400NamingTheField(string json, string field)
    {
        var (status, body) = await SendBytesAsync("POST", $"/proxies/{_proxy}/toxics", Encoding.UTF8.GetBytes(json));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400), body);
            Assert.That(body, Does.Contain(field));
        }
        AssertNothingLogged();
    }
}

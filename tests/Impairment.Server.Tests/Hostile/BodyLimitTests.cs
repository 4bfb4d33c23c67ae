using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Issue 11 item 5: a request can pin only a bounded body; past the limit it gets 413 with a message.</summary>
public sealed class BodyLimitTests : HostileApiTestBase
{
    private const int Definition = 64 * 1024;
    private const int Populate = 4 * 1024 * 1024;

    [TestCase("POST", "/proxies")]
    [TestCase("PATCH", "/proxies/limits")]
    [TestCase("POST", "/proxies/limits/toxics")]
    [TestCase("PATCH", "/proxies/limits/toxics/lat")]
    public async Task DefinitionBodyOverLimit_Returns413WithMessage(string method, string path)
    {
        await EnsureTargetAsync();
        var (status, body) = await SendBytesAsync(method, path, Padded("""{"name":"big","upstream":"127.0.0.1:1"}""", Definition + 1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(413), body);
            Assert.That(body, Is.EqualTo($$"""{"error":"request body too large: at most {{Definition}} bytes","status":413}""" + "\n"));
        }
        AssertNothingLogged();
    }

    [Test]
    public async Task DefinitionBodyAtLimit_IsAccepted()
    {
        var name = UniqueName("fits");
        var (status, body) = await SendBytesAsync(
            "POST",
            "/proxies",
            Padded($$"""{"name":"{{name}}","upstream":"127.0.0.1:1","listen":"127.0.0.1:0"}""", Definition)
        );
        Assert.That(status, Is.EqualTo(201), body);
    }

    [Test]
    public async Task ChunkedDefinitionBodyOverLimit_Returns413()
    {
        var chunk = new string(' ', 8192);
        var chunks = new StringBuilder();
        for (var i = 0; i < 10; i++)
            chunks.Append("2000\r\n").Append(chunk).Append("\r\n");
        chunks.Append("0\r\n\r\n");
        var request = RawHttp.Request("POST", "/proxies", Encoding.ASCII.GetBytes(chunks.ToString()), "Transfer-Encoding: chunked");
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, request);
        Assert.That(RawHttp.Status(response), Is.EqualTo(413), response);
        Assert.That(RawHttp.Body(response), Does.Contain("request body too large"));
        AssertNothingLogged();
    }

    [Test]
    public async Task PopulateBodyOverItsLimit_Returns413()
    {
        // Only the head is sent: the answer must come from the declared length, before any byte is buffered.
        var head = RawHttp.Request("POST", "/populate", null, $"Content-Length: {Populate + 1}");
        var response = await RawHttp.ExchangeAsync(Server.ApiAddress, head);
        Assert.That(RawHttp.Status(response), Is.EqualTo(413), response);
        Assert.That(
            RawHttp.Body(response),
            Is.EqualTo($$"""{"error":"request body too large: at most {{Populate}} bytes","status":413,"proxies":null}""")
        );
    }

    [Test]
    public async Task PopulateOfOneMegabyte_IsAccepted()
    {
        var (status, body) = await SendBytesAsync("POST", "/populate", Padded("[]", 1024 * 1024));
        Assert.That(status, Is.EqualTo(201), body);
    }

    private async Task EnsureTargetAsync()
    {
        using var exists = await SendAsync("GET", "/proxies/limits");
        if (exists.IsSuccessStatusCode)
            return;
        await CreateProxyAsync("limits");
        await BodyOfAsync("POST", "/proxies/limits/toxics", """{"name":"lat","type":"latency"}""");
    }

    // JSON followed by spaces up to the size: trailing whitespace is valid JSON, so only the size is at fault.
    private static byte[] Padded(string json, int size) => Encoding.ASCII.GetBytes(json.PadRight(size));
}

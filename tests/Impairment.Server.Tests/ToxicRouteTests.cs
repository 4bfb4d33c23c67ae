using System.Net;

namespace Impairment.Server.Tests;

public sealed class ToxicRouteTests : ApiTestBase
{
    [Test]
    public async Task AddToxic_Defaults_Returns200WithDefaultNameAndAllAttributes()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","attributes":{"latency":100}}""");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.GetValues("Content-Type").Single(), Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
                """{"attributes":{"latency":100,"jitter":0},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":1}"""));
        }
    }

    [Test]
    public async Task AddToxic_StreamUppercaseAndNullValues_EchoedAsSentWithDefaults()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"Type":"latency","STREAM":"UPSTREAM","toxicity":null,"attributes":null}""");
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"attributes":{"latency":0,"jitter":0},"name":"latency_UPSTREAM","type":"latency","stream":"UPSTREAM","toxicity":1}"""));
    }

    [Test]
    public async Task AddToxic_FractionalToxicity_EchoedWithFloat32Precision()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","toxicity":0.2}""");
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"attributes":{},"name":"noop_downstream","type":"noop","stream":"downstream","toxicity":0.2}"""));
    }

    [TestCase("""{"type":"latency","stream":""}""", "stream was invalid, can be either upstream or downstream")]
    [TestCase("""{"type":"latency","stream":"sideways"}""", "stream was invalid, can be either upstream or downstream")]
    [TestCase("""{"type":"nope"}""", "invalid toxic type")]
    [TestCase("""{"name":"x"}""", "invalid toxic type")]
    [TestCase("""{"type":"latency","attributes":{"latency":1.5}}""", "bad request body: json: cannot unmarshal number 1.5 into Go struct field LatencyToxic.latency of type int64")]
    [TestCase("""{"type":"latency","attributes":{"latency":"1"}}""", "bad request body: json: cannot unmarshal string into Go struct field LatencyToxic.latency of type int64")]
    [TestCase("""{"type":"bandwidth","attributes":{"rate":-1}}""", "bandwidth rate must not be negative (0 stalls the link)")]
    [TestCase("", "bad request body: EOF")]
    public async Task AddToxic_BadInput_Returns400(string body, string message)
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", body);
        await AssertErrorAsync(response, 400, message);
    }

    [Test]
    public async Task AddToxic_NameUsedInOtherDirection_Returns409()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","name":"t","stream":"upstream"}""")).Dispose();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","name":"t","stream":"downstream"}""");
        await AssertErrorAsync(response, 409, "toxic already exists");
    }

    [Test]
    public async Task AddToxic_UnknownProxy_Returns404BeforeBodyIsRead()
    {
        using var response = await SendAsync("POST", "/proxies/missing/toxics", "garbage");
        await AssertErrorAsync(response, 404, "proxy not found");
    }

    [Test]
    public async Task ListToxics_UpstreamThenDownstreamInInsertionOrder()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","name":"d1"}""")).Dispose();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","name":"u1","stream":"upstream"}""")).Dispose();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","name":"d2"}""")).Dispose();
        using var response = await SendAsync("GET", $"/proxies/{proxy}/toxics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.StartWith("[{"));
        Assert.That(body.IndexOf("\"u1\"", StringComparison.Ordinal), Is.LessThan(body.IndexOf("\"d1\"", StringComparison.Ordinal)));
        Assert.That(body.IndexOf("\"d1\"", StringComparison.Ordinal), Is.LessThan(body.IndexOf("\"d2\"", StringComparison.Ordinal)));

        using var empty = await SendAsync("GET", $"/proxies/{await CreateProxyAsync()}/toxics");
        Assert.That(await empty.Content.ReadAsStringAsync(), Is.EqualTo("[]"));
    }

    [Test]
    public async Task GetToxic_KnownAndUnknown_Returns200Or404()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"timeout","name":"t","attributes":{"timeout":5}}""")).Dispose();
        using var found = await SendAsync("GET", $"/proxies/{proxy}/toxics/t");
        Assert.That(await found.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"attributes":{"timeout":5},"name":"t","type":"timeout","stream":"downstream","toxicity":1}"""));
        using var missing = await SendAsync("GET", $"/proxies/{proxy}/toxics/nope");
        await AssertErrorAsync(missing, 404, "toxic not found");
        using var noProxy = await SendAsync("GET", "/proxies/missing/toxics/t");
        await AssertErrorAsync(noProxy, 404, "proxy not found");
    }

    [TestCase("PATCH")]
    [TestCase("POST")]
    public async Task UpdateToxic_PartialAttributes_MergedAndOtherFieldsIgnored(string method)
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","attributes":{"latency":100,"jitter":1}}""")).Dispose();
        using var response = await SendAsync(method, $"/proxies/{proxy}/toxics/latency_downstream",
            """{"attributes":{"jitter":5},"toxicity":0.5,"name":"renamed","stream":"upstream","type":"noop"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"attributes":{"latency":100,"jitter":5},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":0.5}"""));
    }

    [Test]
    public async Task DeleteToxic_Existing_Returns204ThenNotFound()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop"}""")).Dispose();
        using var response = await SendAsync("DELETE", $"/proxies/{proxy}/toxics/noop_downstream");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var again = await SendAsync("DELETE", $"/proxies/{proxy}/toxics/noop_downstream");
        await AssertErrorAsync(again, 404, "toxic not found");
    }
}

using System.Net;

namespace Impairment.Server.Tests;

/// <summary>/proxies/{proxy}/toxics[/{toxic}] (spec 3.2, 3.3, 4.8-4.12).</summary>
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
            Assert.That(
                await response.Content.ReadAsStringAsync(),
                Is.EqualTo(
                    """{"attributes":{"latency":100,"jitter":0},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":1}"""
                )
            );
        }
    }

    [Test]
    public async Task AddToxic_StreamUppercaseAndNullValues_EchoedAsSentWithDefaults()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            """{"Type":"latency","STREAM":"UPSTREAM","toxicity":null,"attributes":null}"""
        );
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo(
                """{"attributes":{"latency":0,"jitter":0},"name":"latency_UPSTREAM","type":"latency","stream":"UPSTREAM","toxicity":1}"""
            )
        );
    }

    [Test]
    public async Task AddToxic_FractionalToxicity_EchoedWithFloat32Precision()
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","toxicity":0.2}""");
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"attributes":{},"name":"noop_downstream","type":"noop","stream":"downstream","toxicity":0.2}""")
        );
    }

    [TestCase("""{"type":"latency","stream":""}""", "stream was invalid, can be either upstream or downstream")]
    [TestCase("""{"type":"latency","stream":"sideways"}""", "stream was invalid, can be either upstream or downstream")]
    [TestCase("""{"type":"nope"}""", "invalid toxic type")]
    [TestCase("""{"name":"x"}""", "invalid toxic type")]
    [TestCase(
        """{"type":"latency","attributes":{"latency":1.5}}""",
        "bad request body: json: cannot unmarshal number 1.5 into Go struct field LatencyToxic.attributes.latency of type int64"
    )]
    [TestCase(
        """{"type":"latency","attributes":{"latency":"1"}}""",
        "bad request body: json: cannot unmarshal string into Go struct field LatencyToxic.attributes.latency of type int64"
    )]
    [TestCase("""{"type":"bandwidth","attributes":{"rate":-1}}""", "bandwidth rate must not be negative (0 stalls the link)")]
    [TestCase("", "bad request body: EOF")]
    [TestCase("[]", "bad request body: json: cannot unmarshal array into Go value of type toxics.ToxicWrapper")]
    [TestCase(
        """{"type":"latency","toxicity":"x"}""",
        "bad request body: json: cannot unmarshal string into Go struct field ToxicWrapper.toxicity of type float32"
    )]
    [TestCase("""{"type":5}""", "bad request body: json: cannot unmarshal number into Go struct field ToxicWrapper.type of type string")]
    [TestCase(
        """{"type":"latency","attributes":5}""",
        "bad request body: json: cannot unmarshal number into Go struct field ToxicWrapper.attributes of type toxics.NoopToxic"
    )]
    [TestCase(
        """{"type":"latency","attributes":{"latency":1e3}}""",
        "bad request body: json: cannot unmarshal number 1e3 into Go struct field LatencyToxic.attributes.latency of type int64"
    )]
    [TestCase("""{"type":"nope","stream":"bad"}""", "stream was invalid, can be either upstream or downstream")]
    [TestCase("""{"type":"","stream":"upstream"}""", "invalid toxic type")]
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
        Assert.That(
            await found.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"attributes":{"timeout":5},"name":"t","type":"timeout","stream":"downstream","toxicity":1}""")
        );
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
        using var response = await SendAsync(
            method,
            $"/proxies/{proxy}/toxics/latency_downstream",
            """{"attributes":{"jitter":5},"toxicity":0.5,"name":"renamed","stream":"upstream","type":"noop"}"""
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo(
                """{"attributes":{"latency":100,"jitter":5},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":0.5}"""
            )
        );
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

    [TestCase("""{"type":"latency","name":"taken","attributes":{"latency":1.5}}""", 409, "toxic already exists")]
    [TestCase("""{"type":"nope","name":"taken"}""", 400, "invalid toxic type")]
    [TestCase("""{"type":"latency","name":"taken","stream":"bad"}""", 400, "stream was invalid, can be either upstream or downstream")]
    public async Task AddToxic_SeveralProblems_FirstInRealServerOrderWins(string body, int status, string message)
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop","name":"taken"}""")).Dispose();
        using var response = await SendAsync("POST", $"/proxies/{proxy}/toxics", body);
        await AssertErrorAsync(response, status, message);
    }

    [TestCase("latency", """{"latency":0,"jitter":0}""")]
    [TestCase("bandwidth", """{"rate":0}""")]
    [TestCase("timeout", """{"timeout":0}""")]
    [TestCase("noop", "{}")]
    public async Task AddToxic_NoAttributes_AllAttributesEchoedAsZero(string type, string attributes)
    {
        var proxy = await CreateProxyAsync();
        var body = await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", $$"""{"type":"{{type}}","unknown":1}""");
        Assert.That(
            body,
            Is.EqualTo(
                $$"""{"attributes":{{attributes}},"name":"{{type}}_downstream","type":"{{type}}","stream":"downstream","toxicity":1}"""
            )
        );
    }

    [TestCase(-0.5)]
    [TestCase(2)]
    [TestCase(0)]
    public async Task AddToxic_ToxicityOutsideUnitRange_AcceptedAndEchoed(double toxicity)
    {
        var proxy = await CreateProxyAsync();
        var body = await BodyOfAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            $$"""{"type":"noop","toxicity":{{toxicity.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""
        );
        Assert.That(body, Does.EndWith($",\"toxicity\":{toxicity.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"));
    }

    [Test]
    public async Task AddToxic_NegativeLatency_Accepted()
    {
        var proxy = await CreateProxyAsync();
        var body = await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency","attributes":{"latency":-5,"jitter":-1}}""");
        Assert.That(body, Does.StartWith("""{"attributes":{"latency":-5,"jitter":-1}"""));
    }

    [Test]
    public async Task AddToxic_DisabledProxy_Accepted()
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("PATCH", $"/proxies/{proxy}", """{"enabled":false}""")).Dispose();
        await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"noop"}""");
        Assert.That(await BodyOfAsync("GET", $"/proxies/{proxy}"), Does.Contain("\"enabled\":false").And.Contain("noop_downstream"));
    }

    [Test]
    public async Task UpdateToxic_EmptyObject_KeepsEverything()
    {
        var proxy = await CreateProxyAsync();
        var created = await BodyOfAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            """{"type":"latency","toxicity":0.5,"attributes":{"latency":7,"jitter":2}}"""
        );
        Assert.That(await BodyOfAsync("PATCH", $"/proxies/{proxy}/toxics/latency_downstream", "{}"), Is.EqualTo(created));
    }

    [TestCase("", "bad request body: EOF")]
    [TestCase(
        """{"attributes":{"latency":1.5}}""",
        "bad request body: json: cannot unmarshal number 1.5 into Go struct field LatencyToxic.attributes.latency of type int64"
    )]
    [TestCase("""{"toxicity":"x"}""", "bad request body: json: cannot unmarshal string into Go struct field .toxicity of type float32")]
    [TestCase(
        """{"attributes":[]}""",
        "bad request body: json: cannot unmarshal array into Go struct field .attributes of type toxics.LatencyToxic"
    )]
    public async Task UpdateToxic_BadBody_Returns400(string body, string message)
    {
        var proxy = await CreateProxyAsync();
        (await SendAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"latency"}""")).Dispose();
        using var response = await SendAsync("PATCH", $"/proxies/{proxy}/toxics/latency_downstream", body);
        await AssertErrorAsync(response, 400, message);
    }

    [TestCase("/proxies/missing/toxics/x", "proxy not found")]
    [TestCase("/proxies/{p}/toxics/missing", "toxic not found")]
    public async Task UpdateToxic_Unknown_Returns404(string path, string message)
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync("PATCH", path.Replace("{p}", proxy, StringComparison.Ordinal), """{"toxicity":1}""");
        await AssertErrorAsync(response, 404, message);
    }

    [Test]
    public async Task DeleteToxic_UnknownProxy_Returns404()
    {
        using var response = await SendAsync("DELETE", "/proxies/missing/toxics/x");
        await AssertErrorAsync(response, 404, "proxy not found");
    }

    [Test]
    public async Task ListToxics_UnknownProxy_Returns404()
    {
        using var response = await SendAsync("GET", "/proxies/missing/toxics");
        await AssertErrorAsync(response, 404, "proxy not found");
    }
}

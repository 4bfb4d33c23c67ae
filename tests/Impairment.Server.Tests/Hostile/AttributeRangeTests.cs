namespace Impairment.Server.Tests.Hostile;

/// <summary>Issue 11 item 4: an attribute whose arithmetic would overflow is refused with 400 naming the range.</summary>
public sealed class AttributeRangeTests : HostileApiTestBase
{
    [TestCase(92233720368547759L)]
    [TestCase(long.MaxValue)]
    [TestCase(1_000_000_000_001L)]
    public async Task Bandwidth_RateThatWouldOverflow_Returns400(long rate)
    {
        var proxy = await CreateProxyAsync();
        using var response = await SendAsync(
            "POST",
            $"/proxies/{proxy}/toxics",
            $$$"""{"type":"bandwidth","attributes":{"rate":{{{rate}}}}}"""
        );
        await AssertErrorAsync(response, 400, $"bandwidth rate must be between 0 and 1000000000000 (got {rate}): KB/s; 0 stalls the link");
        Assert.That(await BodyOfAsync("GET", $"/proxies/{proxy}/toxics"), Is.EqualTo("[]"));
    }

    [Test]
    public async Task Bandwidth_UpdateToOverflowingRate_Returns400AndKeepsOldRate()
    {
        var proxy = await CreateProxyAsync();
        await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"bandwidth","name":"bw","attributes":{"rate":100}}""");
        using var response = await SendAsync("PATCH", $"/proxies/{proxy}/toxics/bw", $$$"""{"attributes":{"rate":{{{long.MaxValue}}}}}""");
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await BodyOfAsync("GET", $"/proxies/{proxy}/toxics/bw"), Does.Contain("\"rate\":100"));
    }

    [Test]
    public async Task Bandwidth_LargestAcceptedRate_Returns200()
    {
        var proxy = await CreateProxyAsync();
        var body = await BodyOfAsync("POST", $"/proxies/{proxy}/toxics", """{"type":"bandwidth","attributes":{"rate":1000000000000}}""");
        Assert.That(body, Does.Contain("\"rate\":1000000000000"));
    }
}

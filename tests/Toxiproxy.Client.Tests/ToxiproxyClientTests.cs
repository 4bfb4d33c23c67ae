using Harness.Impairment.Server;
using Harness.TestSupport;
using Harness.Toxiproxy.Client;

namespace Toxiproxy.Client.Tests;

public sealed class ToxiproxyClientTests
{
    private static int _names;
    private EmbeddedToxiproxy _server = null!;
    private EchoServer _echo = null!;
    private ToxiproxyClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _echo = new EchoServer();
        _server = await EmbeddedToxiproxy.StartAsync();
        _client = new ToxiproxyClient(_server.ApiAddress);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Test]
    public async Task GetVersion_EmbeddedServer_Returns2120()
    {
        Assert.That(await _client.GetVersionAsync(), Is.EqualTo("2.12.0"));
    }

    [Test]
    public async Task CreateProxy_LocalhostPortZero_ReturnsResolvedListen()
    {
        var proxy = await _client.CreateProxyAsync(new ProxyDefinition(Name(), _echo.Address, "localhost:0"));
        Assert.That(proxy.Listen, Does.Match(@"^127\.0\.0\.1:[1-9]\d*$"));
        Assert.That(proxy.Enabled, Is.True);
        Assert.That(proxy.Toxics, Is.Empty);
    }

    [Test]
    public async Task CreateProxy_Duplicate_ThrowsApiExceptionWith409()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() =>
            _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"))
        );
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
        Assert.That(ex.ApiMessage, Is.EqualTo("proxy already exists"));
        Assert.That(ex.Message, Is.EqualTo("create: HTTP 409: proxy already exists"));
    }

    [Test]
    public async Task GetProxies_AfterCreate_ContainsProxy()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        var proxies = await _client.GetProxiesAsync();
        Assert.That(proxies.ContainsKey(name), Is.True);
        Assert.That(proxies[name].Upstream, Is.EqualTo(_echo.Address));
    }

    [Test]
    public async Task GetProxy_Unknown_Throws404()
    {
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() => _client.GetProxyAsync("missing"));
        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.ApiMessage, Is.EqualTo("proxy not found"));
    }

    [Test]
    public async Task UpdateProxy_Disable_ReturnsDisabledProxy()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        var updated = await _client.UpdateProxyAsync(name, new ProxyUpdate(Enabled: false));
        Assert.That(updated.Enabled, Is.False);
        Assert.That((await _client.GetProxyAsync(name)).Enabled, Is.False);
    }

    [Test]
    public async Task DeleteProxy_Existing_RemovesIt()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        await _client.DeleteProxyAsync(name);
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() => _client.DeleteProxyAsync(name));
        Assert.That(ex!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task ToxicLifecycle_AddGetUpdateListDelete_RoundTrips()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));

        var added = await _client.AddToxicAsync(
            name,
            ToxicDefinition.Latency(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10), ToxicStream.Upstream, toxicity: 0.5)
        );
        Assert.That(added.Name, Is.EqualTo("latency_upstream"));
        Assert.That(added.Stream, Is.EqualTo(ToxicStream.Upstream));
        Assert.That(added.Toxicity, Is.EqualTo(0.5));
        Assert.That(added.Attributes, Is.EquivalentTo(new Dictionary<string, long> { ["latency"] = 100, ["jitter"] = 10 }));

        var fetched = await _client.GetToxicAsync(name, "latency_upstream");
        Assert.That(fetched.Attributes["latency"], Is.EqualTo(100));

        var updated = await _client.UpdateToxicAsync(
            name,
            "latency_upstream",
            new ToxicUpdate(new Dictionary<string, long> { ["jitter"] = 5 })
        );
        Assert.That(updated.Attributes, Is.EquivalentTo(new Dictionary<string, long> { ["latency"] = 100, ["jitter"] = 5 }));
        Assert.That(updated.Toxicity, Is.EqualTo(0.5));

        var listed = await _client.GetToxicsAsync(name);
        Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "latency_upstream" }));
        Assert.That((await _client.GetProxyAsync(name)).Toxics, Has.Count.EqualTo(1));

        await _client.DeleteToxicAsync(name, "latency_upstream");
        Assert.That(await _client.GetToxicsAsync(name), Is.Empty);
    }

    [Test]
    public async Task AddToxic_InvalidType_Throws400WithMessage()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() =>
            _client.AddToxicAsync(name, new ToxicDefinition("nope", ToxicStream.Downstream, new Dictionary<string, long>()))
        );
        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ApiMessage, Is.EqualTo("invalid toxic type"));
    }

    [Test]
    public async Task GetToxic_Unknown_Throws404()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() => _client.GetToxicAsync(name, "missing"));
        Assert.That(ex!.ApiMessage, Is.EqualTo("toxic not found"));
    }

    [Test]
    public async Task Reset_RemovesToxicsAndReEnables()
    {
        var name = Name();
        await _client.CreateProxyAsync(new ProxyDefinition(name, _echo.Address, "127.0.0.1:0"));
        await _client.AddToxicAsync(name, ToxicDefinition.Latency(TimeSpan.FromMilliseconds(10)));
        await _client.UpdateProxyAsync(name, new ProxyUpdate(Enabled: false));

        await _client.ResetAsync();

        var proxy = await _client.GetProxyAsync(name);
        Assert.That(proxy.Enabled, Is.True);
        Assert.That(proxy.Toxics, Is.Empty);
    }

    [Test]
    public async Task Populate_TwoProxies_ReturnsThemInOrder()
    {
        var (a, b) = (Name(), Name());
        var result = await _client.PopulateAsync([
            new ProxyDefinition(a, _echo.Address, "127.0.0.1:0"),
            new ProxyDefinition(b, _echo.Address, "127.0.0.1:0", Enabled: false),
        ]);
        Assert.That(result.Select(p => p.Name), Is.EqualTo(new[] { a, b }));
        Assert.That(result[1].Enabled, Is.False);
        Assert.That(await _client.PopulateAsync([]), Is.Empty);
    }

    [Test]
    public async Task Populate_MissingUpstream_Throws400()
    {
        var ex = await Assert.ThrowsAsync<ToxiproxyApiException>(() => _client.PopulateAsync([new ProxyDefinition(Name(), "")]));
        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ApiMessage, Is.EqualTo("missing required field: upstream at proxy 1"));
    }

    [Test]
    public void Constructor_BaseAddressWithoutSlash_NormalisedWithTrailingSlash()
    {
        using var client = new ToxiproxyClient(new Uri("http://127.0.0.1:8474/api"));
        Assert.That(client.BaseAddress.AbsoluteUri, Is.EqualTo("http://127.0.0.1:8474/api/"));
    }

    private static string Name() => $"c{Interlocked.Increment(ref _names)}";
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Harness.Impairment.Server;
using Harness.TestSupport;

namespace Impairment.Server.Tests;

/// <summary>One embedded server per fixture, raw HTTP so status, headers and bytes are asserted exactly.</summary>
public abstract class ApiTestBase
{
    private static int _names;

    protected EmbeddedToxiproxy Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected EchoServer Echo { get; private set; } = null!;

    /// <summary>The server each fixture runs; override to switch flags such as metrics on.</summary>
    protected virtual ToxiproxyServerOptions Options => new() { Port = 0, Seed = 3 };

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Echo = new EchoServer();
        Server = await EmbeddedToxiproxy.StartAsync(Options);
        Http = new HttpClient { BaseAddress = Server.ApiAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Echo.DisposeAsync();
    }

    protected static string UniqueName(string prefix) => $"{prefix}{Interlocked.Increment(ref _names)}";

    protected async Task<HttpResponseMessage> SendAsync(string method, string path, string? body = null, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (userAgent is not null)
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await Http.SendAsync(request);
    }

    protected async Task<string> CreateProxyAsync(string? name = null)
    {
        name ??= UniqueName("p");
        using var response = await SendAsync(
            "POST",
            "/proxies",
            $$"""{"name":"{{name}}","upstream":"{{Echo.Address}}","listen":"127.0.0.1:0"}"""
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return name;
    }

    protected static async Task AssertErrorAsync(HttpResponseMessage response, int status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(body, Is.EqualTo($$"""{"error":"{{message}}","status":{{status}}}""" + "\n"));
            Assert.That(response.Headers.Contains("X-Toxiproxy-Request-Id"), Is.True);
        }
    }

    protected async Task<string> BodyOfAsync(string method, string path, string? body = null, int expectedStatus = 200)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expectedStatus), text);
        return text;
    }

    protected static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}

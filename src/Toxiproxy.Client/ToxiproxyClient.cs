using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Harness.Toxiproxy.Client;

/// <summary>
/// <see cref="IToxiproxyClient"/> over HttpClient. Written to the Toxiproxy 2.12 API: PATCH for updates, /version
/// as JSON or text, error bodies parsed regardless of Content-Type. A passed-in HttpClient is not disposed.
/// </summary>
public sealed partial class ToxiproxyClient : IToxiproxyClient, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    public ToxiproxyClient(Uri baseAddress, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
    }

    public Uri BaseAddress { get; }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken = default) =>
        ToxiproxyJson.Version(await SendAsync(HttpMethod.Get, "version", null, "version", cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, ProxyInfo>> GetProxiesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(HttpMethod.Get, "proxies", null, "proxies", cancellationToken).ConfigureAwait(false);
        return document
            .RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => ToxiproxyJson.ReadProxy(p.Value), StringComparer.Ordinal);
    }

    public async Task<ProxyInfo> CreateProxyAsync(ProxyDefinition proxy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var body = Json(w => ToxiproxyJson.WriteProxy(w, proxy));
        using var document = await SendJsonAsync(HttpMethod.Post, "proxies", body, "create", cancellationToken).ConfigureAwait(false);
        return ToxiproxyJson.ReadProxy(document.RootElement);
    }

    public async Task<ProxyInfo> GetProxyAsync(string name, CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(HttpMethod.Get, ProxyPath(name), null, "get", cancellationToken).ConfigureAwait(false);
        return ToxiproxyJson.ReadProxy(document.RootElement);
    }

    public async Task<ProxyInfo> UpdateProxyAsync(string name, ProxyUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = Json(w =>
        {
            w.WriteStartObject();
            if (update.Listen is not null)
                w.WriteString("listen", update.Listen);
            if (update.Upstream is not null)
                w.WriteString("upstream", update.Upstream);
            if (update.Enabled is { } enabled)
                w.WriteBoolean("enabled", enabled);
            w.WriteEndObject();
        });
        using var document = await SendJsonAsync(HttpMethod.Patch, ProxyPath(name), body, "update", cancellationToken)
            .ConfigureAwait(false);
        return ToxiproxyJson.ReadProxy(document.RootElement);
    }

    public Task DeleteProxyAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, ProxyPath(name), null, "delete", cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "reset", [], "reset", cancellationToken);

    public async Task<IReadOnlyList<ProxyInfo>> PopulateAsync(
        IEnumerable<ProxyDefinition> proxies,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var body = Json(w =>
        {
            w.WriteStartArray();
            foreach (var proxy in proxies)
                ToxiproxyJson.WriteProxy(w, proxy);
            w.WriteEndArray();
        });
        using var document = await SendJsonAsync(HttpMethod.Post, "populate", body, "populate", cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("proxies", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(ToxiproxyJson.ReadProxy).ToArray()
            : [];
    }

    /// <summary>
    /// The Prometheus text of <c>/metrics</c> (servers started with -proxy-metrics or -runtime-metrics; otherwise a
    /// 404 <see cref="ToxiproxyApiException"/>). Not on <see cref="IToxiproxyClient"/>, to keep that interface stable.
    /// </summary>
    public Task<string> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "metrics", null, "metrics", cancellationToken);

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private static string ProxyPath(string name) => "proxies/" + Uri.EscapeDataString(name);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.ToArray();
    }

    private async Task<JsonDocument> SendJsonAsync(
        HttpMethod method,
        string path,
        byte[]? body,
        string operation,
        CancellationToken cancellationToken
    )
    {
        var text = await SendAsync(method, path, body, operation, cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(text);
    }

    private async Task<string> SendAsync(
        HttpMethod method,
        string path,
        byte[]? body,
        string operation,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonType } };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ToxiproxyApiException((int)response.StatusCode, ToxiproxyJson.ErrorMessage(text, response.ReasonPhrase), operation);
        }
        return text;
    }
}

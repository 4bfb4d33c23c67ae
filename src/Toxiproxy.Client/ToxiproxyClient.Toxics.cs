using System.Text.Json;

namespace Harness.Toxiproxy.Client;

public sealed partial class ToxiproxyClient
{
    public async Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(string proxy, CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(HttpMethod.Get, ToxicsPath(proxy), null, "toxics", cancellationToken)
            .ConfigureAwait(false);
        return document.RootElement.EnumerateArray().Select(ToxiproxyJson.ReadToxic).ToArray();
    }

    public async Task<ToxicInfo> AddToxicAsync(string proxy, ToxicDefinition toxic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        var body = Json(w =>
        {
            w.WriteStartObject();
            if (!string.IsNullOrEmpty(toxic.Name))
                w.WriteString("name", toxic.Name);
            w.WriteString("type", toxic.Type);
            w.WriteString("stream", ToxiproxyJson.StreamName(toxic.Stream));
            w.WriteNumber("toxicity", toxic.Toxicity);
            ToxiproxyJson.WriteAttributes(w, toxic.Attributes);
            w.WriteEndObject();
        });
        using var document = await SendJsonAsync(HttpMethod.Post, ToxicsPath(proxy), body, "add toxic", cancellationToken)
            .ConfigureAwait(false);
        return ToxiproxyJson.ReadToxic(document.RootElement);
    }

    public async Task<ToxicInfo> GetToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(HttpMethod.Get, ToxicPath(proxy, toxic), null, "get toxic", cancellationToken)
            .ConfigureAwait(false);
        return ToxiproxyJson.ReadToxic(document.RootElement);
    }

    public async Task<ToxicInfo> UpdateToxicAsync(
        string proxy,
        string toxic,
        ToxicUpdate update,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = Json(w =>
        {
            w.WriteStartObject();
            if (update.Attributes is not null)
                ToxiproxyJson.WriteAttributes(w, update.Attributes);
            if (update.Toxicity is { } toxicity)
                w.WriteNumber("toxicity", toxicity);
            w.WriteEndObject();
        });
        using var document = await SendJsonAsync(HttpMethod.Patch, ToxicPath(proxy, toxic), body, "update toxic", cancellationToken)
            .ConfigureAwait(false);
        return ToxiproxyJson.ReadToxic(document.RootElement);
    }

    public Task DeleteToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, ToxicPath(proxy, toxic), null, "delete toxic", cancellationToken);

    private static string ToxicsPath(string proxy) => ProxyPath(proxy) + "/toxics";

    private static string ToxicPath(string proxy, string toxic) => ToxicsPath(proxy) + "/" + Uri.EscapeDataString(toxic);
}
